/* Progressive enhancement only: pages are complete without this file.
   1) charts: load the chart scripts only on pages that have a chart, fill each shared
      Vega-Lite template (static/charts.js) with the page's data, then fold its data table
      behind the "显示数据表" toggle (open without JavaScript, so nothing is lost);
   2) sortable tables: click a column header (or its sort button) to sort;
   3) tables wider than the screen scroll inside themselves and can be scrolled by keyboard;
   4) printing opens every chart's data table. */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;

  function loadScript(name) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = here.replace(/site\.js(\?.*)?$/, name);
      s.onload = resolve;
      s.onerror = function () { reject(new Error("could not load " + name)); };
      document.head.appendChild(s);
    });
  }

  /* On a narrow box, long category labels would take the whole width and leave no room
     for the bars: shorten them (the full name stays in the tooltip and the data table). */
  function limitLabels(node, limit) {
    if (Array.isArray(node)) { node.forEach(function (n) { limitLabels(n, limit); }); return; }
    if (!node || typeof node !== "object") return;
    Object.keys(node).forEach(function (k) {
      if (k === "labelLimit" && typeof node[k] === "number") node[k] = Math.min(node[k], limit);
      else limitLabels(node[k], limit);
    });
  }

  function drawCharts(figures) {
    figures.forEach(function (fig) {
      var template = window.BUDGET_CHARTS[fig.getAttribute("data-chart")];
      var data = fig.querySelector("script.chart-data");
      var box = fig.querySelector(".chart-box");
      if (!template || !data || !box) return;
      var spec = JSON.parse(JSON.stringify(template));
      spec.datasets = { table: JSON.parse(data.textContent) };
      var width = box.clientWidth || fig.clientWidth;
      if (width && width < 560) limitLabels(spec, Math.max(72, Math.round(width * 0.38)));
      window.vegaEmbed(box, spec, { renderer: "svg", actions: false })
        .then(function () {
          fig.classList.add("drawn");
          var toggle = fig.querySelector("details.chart-data-table");
          if (toggle) toggle.open = false;
        })
        .catch(function (err) { box.textContent = "图表无法显示，请看下方数据表。"; console.warn(err); });
    });
  }

  function initCharts() {
    var figures = document.querySelectorAll("figure.chart[data-chart]");
    if (!figures.length || !here) return;
    var ready = window.vegaEmbed ? Promise.resolve() : loadScript("vega.js");
    ready
      .then(function () { return window.BUDGET_CHARTS ? null : loadScript("charts.js"); })
      .then(function () { drawCharts(figures); })
      .catch(function (err) { console.warn(err); });
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
      if (th.querySelector("a, button, input, select")) {
        /* A header holding a link keeps its link; a separate button sorts (a button
           around a link is a control inside a control). */
        button.className = "sort sort-icon";
        button.setAttribute("aria-label", "按“" + th.textContent.trim() + "”排序");
        th.appendChild(document.createTextNode(" "));
        th.appendChild(button);
      } else {
        button.className = "sort";
        while (th.firstChild) button.appendChild(th.firstChild);
        th.appendChild(button);
      }
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

  /* A table wider than its box scrolls inside it; a keyboard user needs to reach it. */
  function markScrollable() {
    document.querySelectorAll(".table-wrap").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        var caption = wrap.querySelector("caption");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "表格");
      } else if (!scrolls && wrap.getAttribute("tabindex") === "0") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  /* Amounts are shown in 万元 with two decimals; one button reveals every printed form. */
  function initPrinted() {
    document.querySelectorAll("button.show-printed").forEach(function (button) {
      if (!document.querySelector(".printed")) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var on = document.body.classList.toggle("show-printed-on");
        button.setAttribute("aria-pressed", on ? "true" : "false");
      });
    });
  }

  function init() {
    initCharts();
    initPrinted();
    document.querySelectorAll("table.sortable").forEach(makeSortable);
    markScrollable();
    document.addEventListener("toggle", markScrollable, true);
    var timer;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(markScrollable, 150);
    });
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details.chart-data-table").forEach(function (d) { d.open = true; });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
