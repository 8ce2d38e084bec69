/* The search page: Pagefind's own interface (written into the site by the build, never
   fetched from elsewhere), started with the words typed into the masthead box (?q=).
   The index is in bundles (the whole-collection pages, then one per province), listed in
   bundles.json; the interface searches them all as one. */
(function () {
  "use strict";
  /* Department-year pages are long (every table of the document): a page's length counts
     less, and repeating a word counts less than where it stands (headline figures and titles
     carry data-pagefind-weight), so 基本支出 finds them on page one. Every bundle ranks alike. */
  var RANKING = { pageLength: 0.3, termFrequency: 0.5 };
  function bundles(box) {
    var index = box.getAttribute("data-index");
    return fetch(index + "bundles.json")
      .then(function (r) { return r.ok ? r.json() : { bundles: [] }; })
      .then(function (data) {
        return (data.bundles || [])
          .filter(function (b) { return b.name !== "site"; })
          .map(function (b) { return { bundlePath: index + b.name + "/", ranking: RANKING }; });
      })
      .catch(function () { return []; });
  }
  function start() {
    var box = document.getElementById("search");
    if (!box || !window.PagefindUI) return;
    bundles(box).then(function (merged) {
      var ui = new window.PagefindUI({
        element: "#search",
        bundlePath: box.getAttribute("data-bundle"),
        mergeIndex: merged,
        showSubResults: true,
        showImages: false,
        resetStyles: false,
        pageSize: 10,
        ranking: RANKING
      });
      /* Pagefind's input has a placeholder but no name a screen reader can announce. */
      var input = box.querySelector("input[type=text], input[type=search]");
      if (input) input.setAttribute("aria-label", "搜索关键词");
      var q = new URLSearchParams(window.location.search).get("q");
      if (q) {
        ui.triggerSearch(q);
        var masthead = document.getElementById("site-q");
        if (masthead) masthead.value = q;
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
