// Starts Pagefind's search interface on /search/. The index is in parts (the SOPs, and the
// cases of each fiscal quarter), listed in pagefind/shards.json: the first is opened and the
// others merged into it. When the site was built without Pagefind, its script is missing and
// the page says so instead.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box) return;
  var missing = function () { document.querySelector(".search-missing").hidden = false; };
  if (typeof PagefindUI === "undefined") return missing();
  var base = box.dataset.bundle;
  fetch(base + "shards.json").then(function (response) {
    if (!response.ok) throw new Error(response.status);
    return response.json();
  }).then(function (list) {
    // Absolute: Pagefind resolves a merged part's path from its worker's script, not the page.
    var paths = list.shards.map(function (name) { return new URL(base + name + "/", location.href).pathname; });
    if (!paths.length) return missing();
    new PagefindUI({
      element: "#search",
      bundlePath: paths[0],
      mergeIndex: paths.slice(1).map(function (path) { return { bundlePath: path }; }),
      // Whole words only: a part of the index without the word would otherwise answer with the
      // nearest words it has, and merged, those pages come up beside the right ones.
      processTerm: function (term) { return /^\s*".+"\s*$/.test(term) || !term.trim() ? term : '"' + term.trim() + '"'; },
      showSubResults: true,
      showImages: false,
      translations: { placeholder: box.dataset.placeholder }
    });
    // Pagefind's box has only a placeholder; the page's visible label names it.
    var input = box.querySelector("input");
    if (input) input.setAttribute("aria-labelledby", "search-label");
  }).catch(missing);
})();
