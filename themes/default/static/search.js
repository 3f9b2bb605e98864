// Starts Pagefind's search interface on /search/. When the site was built without Pagefind,
// its script is missing and the page says so instead.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box) return;
  if (typeof PagefindUI === "undefined") {
    document.querySelector(".search-missing").hidden = false;
    return;
  }
  new PagefindUI({
    element: "#search",
    bundlePath: box.dataset.bundle,
    showSubResults: true,
    showImages: false,
    translations: { placeholder: box.dataset.placeholder }
  });
  // Pagefind's box has only a placeholder; the page's visible label names it.
  var input = box.querySelector("input");
  if (input) input.setAttribute("aria-labelledby", "search-label");
})();
