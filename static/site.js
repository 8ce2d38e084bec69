/* Progressive enhancement only: pages are complete without this file.
   1) charts: fill each shared Vega-Lite template (static/charts.js) with the page's data;
   2) sortable tables: click a column header to sort. */
(function () {
  "use strict";

  function drawCharts() {
    if (!window.vegaEmbed || !window.BUDGET_CHARTS) return;
    document.querySelectorAll("figure.chart[data-chart]").forEach(function (fig) {
      var template = window.BUDGET_CHARTS[fig.getAttribute("data-chart")];
      var data = fig.querySelector("script.chart-data");
      var box = fig.querySelector(".chart-box");
      if (!template || !data || !box) return;
      var spec = JSON.parse(JSON.stringify(template));
      spec.datasets = { table: JSON.parse(data.textContent) };
      window.vegaEmbed(box, spec, { renderer: "svg", actions: false })
        .then(function () { fig.classList.add("drawn"); })
        .catch(function (err) { box.textContent = "图表无法显示，请看下方数据表。"; console.warn(err); });
    });
  }

  function cellValue(cell, numeric) {
    var raw = cell.getAttribute("data-value") || cell.textContent.trim();
    if (!numeric) return raw;
    var n = parseFloat(raw.replace(/,/g, ""));
    return isNaN(n) ? -Infinity : n;
  }

  function makeSortable(table) {
    var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    if (!head) return;
    Array.prototype.forEach.call(head.cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var numeric = th.classList.contains("num") || th.getAttribute("data-sort") === "number";
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(head.cells, function (c) { c.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a.cells[index], numeric), y = cellValue(b.cells[index], numeric);
          var r = numeric ? x - y : String(x).localeCompare(String(y), "zh-CN");
          return asc ? r : -r;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function init() {
    drawCharts();
    document.querySelectorAll("table.sortable").forEach(makeSortable);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
