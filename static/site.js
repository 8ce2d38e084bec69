/* Progressive enhancement only: pages are complete without this file.
   1) charts: load the chart scripts only on pages that have a chart, fill each shared
      Vega-Lite template (static/charts.js) with the rows of the chart's data table, then fold
      that table behind the "显示数据表" toggle (open without JavaScript, so nothing is lost);
   2) sortable tables: click a column header (or its sort button) to sort;
   3) tables wider than the screen scroll inside themselves and can be scrolled by keyboard;
   4) printing opens every chart's data table;
   5) a document's original tables are drawn from the department-year's data file
      (data.json.gz) when the reader opens them: without this file each table is a link
      to the lines that print it. */
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

  /* A chart's data is its table's rows that carry a value (data-v on the number's cell):
     the table inside the figure, or the one its data-rows names; label = the row header,
     text = the cell as printed, series = the row's data-s or else the figure's. Rows in no
     table (a median rule) are the figure's data-extra. See the chart macro. */
  function chartRows(fig) {
    var named = fig.getAttribute("data-rows");
    var table = named ? document.getElementById(named) : fig.querySelector("table.chart-table");
    var series = fig.getAttribute("data-series") || "";
    var rows = [];
    if (table && table.tBodies.length) {
      Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) {
        var cell = tr.querySelector("[data-v]");
        var head = tr.querySelector("th");
        if (!cell) return;
        rows.push({
          label: head ? head.textContent.trim() : "",
          value: parseFloat(cell.getAttribute("data-v")),
          text: cell.textContent.trim(),
          series: tr.getAttribute("data-s") || series
        });
      });
    }
    var extra = fig.getAttribute("data-extra");
    return extra ? rows.concat(JSON.parse(extra)) : rows;
  }

  function drawCharts(figures) {
    figures.forEach(function (fig) {
      var template = window.BUDGET_CHARTS[fig.getAttribute("data-chart")];
      var box = fig.querySelector(".chart-box");
      var rows = chartRows(fig);
      if (!template || !box || !rows.length) return;
      var spec = JSON.parse(JSON.stringify(template));
      spec.datasets = { table: rows };
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

  /* ---- original tables, drawn on demand -------------------------------------------- */
  var dataFiles = {};

  function loadData(url) {
    if (!dataFiles[url]) {
      dataFiles[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.arrayBuffer();
      }).then(function (buffer) {
        var head = new Uint8Array(buffer, 0, 2);
        var body = new Blob([buffer]).stream();
        /* a server that sent it with Content-Encoding: gzip has already unpacked it */
        if (head[0] === 0x1f && head[1] === 0x8b) body = body.pipeThrough(new DecompressionStream("gzip"));
        return new Response(body).json();
      });
    }
    return dataFiles[url];
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* The same grid the page printed before it loaded tables on demand: a line-number column
     linking each row to its source line, the row's name as its header cell, numbers
     right-aligned. Every text goes in as text (never as HTML). */
  function drawTable(box, table, lineHref) {
    var place = box.querySelector(".table-place");
    var grid = el("table", "data");
    var caption = el("caption", "", table.title || "");
    caption.appendChild(el("span", "unit", table.unit ? "单位：" + table.unit : "文件未注明单位"));
    var link = place && place.querySelector("a.src");
    if (link) { caption.appendChild(document.createTextNode(" ")); caption.appendChild(link); }
    grid.appendChild(caption);
    var thead = grid.appendChild(el("thead"));
    var header = table.header && table.header.length ? table.header : [table.columns || []];
    header.forEach(function (names) {
      var tr = thead.appendChild(el("tr"));
      var ln = tr.appendChild(el("th", "ln", "行"));
      ln.scope = "col";
      names.forEach(function (name) { tr.appendChild(el("th", "", name)).scope = "col"; });
    });
    var tbody = grid.appendChild(el("tbody"));
    (table.rows || []).forEach(function (row) {
      var tr = tbody.appendChild(el("tr"));
      var a = tr.appendChild(el("td", "ln")).appendChild(el("a", "", String(row.line)));
      a.href = lineHref + row.line;
      (row.cells || []).forEach(function (cell, i) {
        var text = typeof cell === "string" ? cell : cell.text;
        var value = typeof cell === "string" ? null : cell.value;
        var isName = i === 0 || (row.label && text === row.label && !value);
        var td = tr.appendChild(el(isName ? "th" : "td", value !== null && value !== undefined ? "num" : "", text));
        if (isName) td.scope = "row";
      });
    });
    box.replaceChildren(grid);
    if (table.empty_statement) box.appendChild(el("p", "note", table.empty_statement));
    (table.notes || []).forEach(function (n) { box.appendChild(el("p", "note", n)); });
  }

  /* Blocks whose rows are drawn from the department-year's data file the first time the
     reader opens them (the original tables, a project's performance indicators): written
     once, in the data file, not once more on every page. Without fetch or
     DecompressionStream they stay as the page wrote them, with their links to the source.
     draw(details) returns a promise; failed(details) says so on the page. */
  function drawWhenOpened(selector, draw, failed) {
    if (!window.fetch || !window.DecompressionStream) return;
    document.querySelectorAll(selector).forEach(function (details) {
      function open() {
        if (!details.open || details.getAttribute("data-drawn")) return;
        details.setAttribute("data-drawn", "loading");
        draw(details).then(function () {
          details.setAttribute("data-drawn", "yes");
          markScrollable();
        }).catch(function (err) {
          details.setAttribute("data-drawn", "failed");
          failed(details);
          console.warn(err);
        });
      }
      details.addEventListener("toggle", open);
      open();
    });
  }

  function drawTables(details) {
    return loadData(details.getAttribute("data-tables")).then(function (data) {
      var doc = data.documents[Number(details.getAttribute("data-doc"))] || {};
      var byLine = {};
      (doc.tables || []).forEach(function (t) { byLine[t.line] = t; });
      details.querySelectorAll(".table-wrap[data-line]").forEach(function (box) {
        var table = byLine[box.getAttribute("data-line")];
        if (table && box.querySelector(".table-place")) drawTable(box, table, details.getAttribute("data-here"));
      });
      var note = details.querySelector(".tables-note");
      if (note) note.hidden = true;
    });
  }

  function tablesFailed(details) {
    var note = details.querySelector(".tables-note");
    if (note) note.textContent = "表格未能载入，请用下列链接在原文中查看。";
  }

  /* A project's performance indicators, as the printed table shows them: a run of the same
     first-level (and, within it, second-level) indicator is one merged cell. Each row links
     its source line, as the page's other figures do. */
  function drawIndicators(details, project, lineHref) {
    var items = project.indicators || [];
    var grid = el("table", "data compact");
    grid.appendChild(el("caption", "", (project.name || "") + " 绩效指标"));
    var head = grid.appendChild(el("thead")).appendChild(el("tr"));
    ["一级指标", "二级指标", "三级指标", "指标值", "出处"].forEach(function (name) {
      head.appendChild(el("th", "", name)).scope = "col";
    });
    var tbody = grid.appendChild(el("tbody"));
    var cells = [null, null];
    items.forEach(function (item, n) {
      var tr = tbody.appendChild(el("tr"));
      var prev = n > 0 ? items[n - 1] : null;
      var sameFirst = prev && prev.level1 === item.level1;
      var levels = [[item.level1, sameFirst], [item.level2, sameFirst && prev.level2 === item.level2]];
      levels.forEach(function (level, k) {
        if (level[1]) { cells[k].rowSpan += 1; return; }
        cells[k] = tr.appendChild(el("td", "", level[0] || ""));
      });
      tr.appendChild(el("th", "", item.level3 || "")).scope = "row";
      var value = item.raw || "";
      if (item.actual) value += "（完成：" + item.actual + "）";
      tr.appendChild(el("td", "", value));
      var where = tr.appendChild(el("td"));
      var src = item.source || {};
      if (src.line) {
        var label = src.page ? "第 " + src.page + " 页" : "第 " + src.line + " 行";
        if (src.file) where.textContent = label;  /* another file's line: named, not linked */
        else {
          var a = where.appendChild(el("a", "src", label));
          a.href = lineHref + src.line;
          if (src.page) a.title = "查看原文第 " + src.page + " 页第 " + src.line + " 行";
        }
      }
    });
    var note = details.querySelector(".ind-note");
    if (note) note.hidden = true;
    details.appendChild(grid);
  }

  function drawProjectIndicators(details) {
    var table = details.closest("table.projects");
    return loadData(table.getAttribute("data-data")).then(function (data) {
      var doc = data.documents[Number(table.getAttribute("data-doc"))] || {};
      var project = (doc.projects || [])[Number(details.getAttribute("data-project"))];
      if (!project) throw new Error("no such project in the data file");
      drawIndicators(details, project, table.getAttribute("data-here"));
    });
  }

  function indicatorsFailed(details) {
    var note = details.querySelector(".ind-note");
    if (note) note.insertBefore(document.createTextNode("绩效指标未能载入。"), note.firstChild);
  }

  // A source page whose line numbers CSS draws (.source.counted) has no link on them: a
  // click in a line's number column goes to the line's own address, as that link did.
  function initSourceLines() {
    var text = document.querySelector(".source.counted");
    if (!text) return;
    text.addEventListener("click", function (e) {
      var line = e.target;
      if (!line || line.parentNode !== text || !/^L\d+$/.test(line.id)) return;
      var gutter = parseFloat(getComputedStyle(line).paddingLeft) || 0;
      if (e.clientX - line.getBoundingClientRect().left > gutter) return;
      location.hash = line.id;
    });
  }

  function init() {
    initCharts();
    initSourceLines();
    drawWhenOpened("details.tables[data-tables]", drawTables, tablesFailed);
    drawWhenOpened("table.projects details.indicators", drawProjectIndicators, indicatorsFailed);
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
