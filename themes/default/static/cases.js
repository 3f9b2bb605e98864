// The case list over all cases, not one page: filtering by state, SOP, unit and year, and
// sorting by any column. The pages work without this script (a table and links between the
// pages); the filters stay hidden until it runs. Once a filter is chosen or a column sorted,
// every case's row is read from cases/index.json and the matching rows are shown, a page's
// worth at a time. A link may preset the filters: cases/?state=overdue, cases/?waiting=1.
(function () {
  "use strict";
  var table = document.querySelector("table.cases");
  var form = document.querySelector("form.case-filters");
  if (!table || !form) return;
  var body = table.tBodies[0];
  var pageRows = Array.prototype.slice.call(body.rows);
  var pager = document.querySelector("nav.pager");
  var showing = document.querySelector(".cases-showing");
  var pageShowing = showing ? showing.textContent : "";
  var perPage = Math.max(pageRows.length, 1);
  var root = form.dataset.index.replace(/cases\/index\.json$/, "");
  var index = null, sort = null, shown = 0, matching = [];
  var params = new URLSearchParams(location.search);
  var waiting = params.get("waiting") === "1";
  var more = document.createElement("button");
  more.type = "button";
  more.className = "cases-more";
  more.textContent = form.dataset.more;
  more.hidden = true;
  table.parentNode.insertBefore(more, table.nextSibling);

  function load() {
    if (!index) index = fetch(form.dataset.index).then(function (r) { return r.json(); });
    return index;
  }

  // A row of the table from a row of the index, as the page's template writes it.
  function makeRow(c, at) {
    var tr = document.createElement("tr");
    // The same data attributes as the page's own rows.
    tr.dataset.state = c[at.state];
    tr.dataset.unit = c[at.unit];
    tr.dataset.year = c[at.year];
    var a = document.createElement("a");
    a.href = root + c[at.url];
    a.textContent = c[at.id];
    var cells = [a, c[at.title], c[at.unit], c[at.current_step], c[at.time]];
    cells.forEach(function (content) {
      var td = document.createElement("td");
      if (typeof content === "string") td.textContent = content; else td.appendChild(content);
      tr.appendChild(td);
    });
    var td = document.createElement("td"), span = document.createElement("span");
    span.className = "state state-" + c[at.state];
    span.textContent = c[at.state_label];
    td.appendChild(span);
    tr.appendChild(td);
    return tr;
  }

  function showMore(at) {
    var next = matching.slice(shown, shown + perPage);
    next.forEach(function (c) { body.appendChild(makeRow(c, at)); });
    shown += next.length;
    more.hidden = shown >= matching.length;
  }

  function update() {
    var want = {};
    ["state", "sop", "unit", "year"].forEach(function (name) { want[name] = form.elements[name].value; });
    var filtered = waiting || Object.keys(want).some(function (name) { return want[name] !== ""; });
    if (!filtered && !sort) {
      // Back to the page as it came.
      body.textContent = "";
      pageRows.forEach(function (row) { body.appendChild(row); });
      if (pager) pager.hidden = false;
      if (showing) showing.textContent = pageShowing;
      more.hidden = true;
      return;
    }
    load().then(function (data) {
      var at = {};
      data.columns.forEach(function (name, i) { at[name] = i; });
      matching = data.rows.filter(function (c) {
        if (waiting && !c[at.waiting]) return false;
        return Object.keys(want).every(function (name) { return want[name] === "" || c[at[name]] === want[name]; });
      });
      if (sort) {
        var key = at[sort.column], lang = document.documentElement.lang;
        matching.sort(function (a, b) {
          var order = a[key].localeCompare(b[key], lang, { numeric: true });
          return sort.ascending ? order : -order;
        });
      }
      body.textContent = "";
      shown = 0;
      if (pager) pager.hidden = true;
      if (showing) showing.textContent = form.dataset.found.replace("{count}", matching.length);
      showMore(at);
      more.onclick = function () { showMore(at); };
    });
  }

  form.hidden = false;
  ["state", "sop", "unit", "year"].forEach(function (name) {
    var value = params.get(name);
    if (value !== null) form.elements[name].value = value;
  });
  form.addEventListener("change", update);

  // Headings become buttons, so that sorting works from the keyboard too; aria-sort says
  // which way a column is sorted.
  var columns = ["id", "title", "unit", "current_step", "time", "state_label"];
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
      sort = { column: columns[column], ascending: ascending };
      update();
    });
  });
  if (waiting || params.toString()) update();
})();
