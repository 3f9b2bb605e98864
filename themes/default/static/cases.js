// The case list without a server: sorting by any column and filtering by state, unit and
// year. The table works without this script; the filters stay hidden until it runs.
(function () {
  "use strict";
  var table = document.querySelector("table.cases");
  var form = document.querySelector("form.case-filters");
  if (!table || !form) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);

  form.hidden = false;
  form.addEventListener("change", function () {
    var want = {};
    ["state", "unit", "year"].forEach(function (name) { want[name] = form.elements[name].value; });
    rows.forEach(function (row) {
      row.hidden = Object.keys(want).some(function (name) {
        return want[name] !== "" && row.dataset[name] !== want[name];
      });
    });
  });

  // Headings become buttons, so that sorting works from the keyboard too; aria-sort says
  // which way a column is sorted.
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th, column) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
        var order = x.localeCompare(y, document.documentElement.lang, { numeric: true });
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
