// The manual's "print" button. A script file of its own, as the site's Content-Security-Policy
// allows no inline handlers.
(function () {
  "use strict";
  var buttons = document.querySelectorAll(".print-button");
  Array.prototype.forEach.call(buttons, function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
