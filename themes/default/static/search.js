// The search page. The index is Pagefind's, in parts (the SOPs, and the cases of each fiscal
// quarter) listed in pagefind/shards.json: the first part's own script (pagefind.js) is asked,
// with the others merged into it. When the site was built without Pagefind, the page says so.
//
// sopsite gave Pagefind each page's Thai split into words, the way the browser splits Thai
// (ICU, Intl.Segmenter): so a word inside a compound is a word of the index ("วิจัย" in
// "ผลงานวิจัย"). A query is split the same way here. Pagefind finds the pages with words that
// begin with the query's words; a page is listed only if its text has each Thai word of the
// query where a word begins, so that no page is listed that does not have what was typed.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = form.querySelector("input");
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var more = document.querySelector(".search-more");
  var thai = /[\u0E00-\u0E7F]/, thaiAtEnd = /[\u0E00-\u0E7F]$/, thaiAtStart = /^[\u0E00-\u0E7F]/;
  var letter = /[\p{L}\p{M}\p{N}]/u;
  // Stands, in the index's copy of a page, for a space that the page has between Thai words.
  var pageSpace = "\u2060";
  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("th", { granularity: "word" }) : null;
  var perPage = 10, excerptBefore = 60, excerptAfter = 160;
  var pagefind = null, latest = 0, showMore = null;

  function missing() {
    document.querySelector(".search-missing").hidden = false;
    form.hidden = true;
  }

  // A term's words: Thai split as sopsite split the pages' Thai; any other term as it is.
  function words(term) {
    if (!segmenter || !thai.test(term)) return [term];
    var out = [];
    for (var piece of segmenter.segment(term)) if (piece.isWordLike) out.push(piece.segment);
    return out.length ? out : [term];
  }

  // Pagefind's copy of a page's text has one space between every two words. The page's text is
  // that without the spaces between Thai words that sopsite put there; `starts` holds where each
  // word begins.
  function joined(copy) {
    var text = "", starts = [0], own = false;
    copy.split(" ").forEach(function (piece) {
      if (piece === "") return;
      if (piece === pageSpace) { own = true; return; }
      if (text) {
        if (own || !(thaiAtEnd.test(text) && thaiAtStart.test(piece))) text += " ";
        starts.push(text.length);
      }
      text += piece;
      own = false;
    });
    return { text: text, lower: text.toLowerCase(), starts: starts, isStart: new Set(starts) };
  }

  // Where `term` is in the page's text at the start of a word, from `from`; -1 when nowhere.
  function find(page, term, from) {
    for (var at = page.lower.indexOf(term, from); at !== -1; at = page.lower.indexOf(term, at + 1)) {
      if (page.isStart.has(at) || !letter.test(page.lower.charAt(at - 1))) return at;
    }
    return -1;
  }

  // Part of the page's text around `at`, whole words, with every term marked where it is found.
  function excerpt(page, terms, at) {
    var start = page.starts.find(function (s) { return s >= at - excerptBefore; });
    var end = page.starts.filter(function (s) { return s <= at + excerptAfter; }).pop();
    if (at + excerptAfter >= page.text.length || end <= at) end = Math.min(page.text.length, at + excerptAfter);
    if (start > at) start = at;
    var p = document.createElement("p"), cursor = start;
    if (start > 0) p.appendChild(document.createTextNode("… "));
    while (cursor < end) {
      var next = -1, length = 0;
      terms.forEach(function (term) {
        var found = find(page, term, cursor);
        if (found !== -1 && found < end && (next === -1 || found < next)) { next = found; length = term.length; }
      });
      if (next === -1) break;
      p.appendChild(document.createTextNode(page.text.slice(cursor, next)));
      var mark = document.createElement("mark");
      mark.textContent = page.text.slice(next, next + length);
      p.appendChild(mark);
      cursor = next + length;
    }
    p.appendChild(document.createTextNode(page.text.slice(cursor, end) + (end < page.text.length ? " …" : "")));
    return p;
  }

  // A link to a page of the index: its URLs start at the portal's root.
  function link(url) {
    return new URL(form.dataset.root + url.replace(/^\//, ""), location.href).href;
  }

  function item(data, page, terms, at) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.className = "search-result-title";
    a.href = link(data.raw_url || data.url);
    a.textContent = joined((data.meta && data.meta.title) || data.url).text;
    li.appendChild(a);
    li.appendChild(excerpt(page, terms, at));
    var sections = (data.sub_results || []).filter(function (sub) { return sub.url.indexOf("#") !== -1; }).slice(0, 3);
    if (sections.length) {
      var ul = document.createElement("ul");
      ul.className = "search-sections";
      sections.forEach(function (sub) {
        var section = document.createElement("li"), to = document.createElement("a");
        to.href = link(sub.url);
        to.textContent = joined(sub.title).text;
        section.appendChild(to);
        ul.appendChild(section);
      });
      li.appendChild(ul);
    }
    return li;
  }

  async function search(query) {
    var mine = ++latest;
    var terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    list.textContent = "";
    status.textContent = "";
    more.hidden = true;
    if (!terms.length) return;
    var thaiTerms = terms.filter(function (term) { return thai.test(term); });
    // Each Thai term as typed, and split into words: as typed, Pagefind also finds a compound
    // it holds whole; split, the words inside one.
    var queries = [terms.join(" "), terms.map(function (term) { return words(term).join(" "); }).join(" ")];
    if (queries[1] === queries[0]) queries.pop();
    var found = await Promise.all(queries.map(function (q) { return pagefind.search(q); }));
    if (mine !== latest) return;
    var best = new Map();
    found.forEach(function (answer) {
      answer.results.forEach(function (result) {
        var seen = best.get(result.id);
        if (!seen || seen.score < result.score) best.set(result.id, result);
      });
    });
    var waiting = Array.from(best.values()).sort(function (a, b) { return b.score - a.score; });
    var shown = 0;
    showMore = async function () {
      more.hidden = true;
      var added = 0;
      while (waiting.length && added < perPage) {
        var batch = await Promise.all(waiting.splice(0, perPage).map(function (result) { return result.data(); }));
        if (mine !== latest) return;
        batch.forEach(function (data) {
          var page = joined(data.content);
          var at = thaiTerms.map(function (term) { return find(page, term, 0); });
          if (at.indexOf(-1) !== -1) return;
          var positions = (thaiTerms.length ? at : terms.map(function (term) { return find(page, term, 0); }))
            .filter(function (i) { return i !== -1; });
          var first = positions.length ? Math.min.apply(null, positions) : 0;
          list.appendChild(item(data, page, terms, first));
          added++;
          shown++;
        });
      }
      // Pages with Thai terms are known only once read: "10+" while some are left to read.
      var count = thaiTerms.length ? (waiting.length ? shown + "+" : String(shown)) : String(shown + waiting.length);
      status.textContent = shown ? form.dataset.found.replace("{n}", count) : form.dataset.none;
      more.hidden = !waiting.length;
    };
    await showMore();
  }

  var typing = null;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () {
      var address = new URL(location.href);
      if (input.value.trim()) address.searchParams.set("q", input.value.trim()); else address.searchParams.delete("q");
      history.replaceState(null, "", address);
      search(input.value);
    }, 250);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); search(input.value); });
  more.addEventListener("click", function () { if (showMore) showMore(); });

  var base = form.dataset.bundle;
  fetch(base + "shards.json").then(function (response) {
    if (!response.ok) throw new Error(response.status);
    return response.json();
  }).then(async function (index) {
    // Absolute: Pagefind resolves a merged part's path from its worker's script, not the page.
    var paths = index.shards.map(function (name) { return new URL(base + name + "/", location.href).pathname; });
    if (!paths.length) return missing();
    pagefind = await import(paths[0] + "pagefind.js");
    for (var path of paths.slice(1)) await pagefind.mergeIndex(path);
    var asked = new URLSearchParams(location.search).get("q");
    if (asked) { input.value = asked; search(asked); }
  }).catch(missing);
})();
