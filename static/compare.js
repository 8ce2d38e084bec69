/* Compare page: pick two to four department-years, see them side by side.
 * Reads the static data/compare.json (no server); the choice lives in the URL (?d=…&d=…)
 * so a comparison can be shared as a link. All text is set with textContent: data from
 * disclosures is never parsed as HTML. */
(function () {
  "use strict";
  var root = document.getElementById("compare");
  if (!root) return;
  var MAX = parseInt(root.getAttribute("data-max"), 10) || 4;
  var picker = document.getElementById("compare-add");
  var result = document.getElementById("compare-result");
  var warning = document.getElementById("compare-warning");
  var KIND = { budget: "部门预算", final: "部门决算", performance: "绩效目标" };
  var data = null;
  var chosen = [];

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function label(item) {
    return item.department + " " + item.year + "年" + (KIND[item.kind] || item.kind);
  }

  function groupSep(n, digits) {
    var s = Math.abs(n).toFixed(digits);
    var parts = s.split(".");
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return (n < 0 ? "-" : "") + parts.join(".");
  }

  function show(cell, unit, metric) {
    if (!cell || cell.value === null || cell.value === undefined) {
      if (metric === "per_capita_expenditure" && cell && cell.note === "人口未知") return "未知（人口未知）";
      return data.statuses[(cell && cell.status) || "not_disclosed"] || "未公开";
    }
    if (unit === "ratio") return groupSep(cell.value * 100, 2) + "%";
    if (unit === "元/人") return groupSep(cell.value, 2) + " 元/人";
    if (unit === "万元" && metric) return groupSep(cell.value, 2) + " 万元";
    return groupSep(cell.value, 2) + " 万元";
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    var keys = params.getAll("d");
    if (!keys.length && window.location.hash.indexOf("#d=") === 0) {
      keys = window.location.hash.slice(3).split(",").map(decodeURIComponent);
    }
    var seen = {};
    chosen = keys.filter(function (k) {
      if (!data.items[k] || seen[k]) return false;
      seen[k] = true;
      return true;
    }).slice(0, MAX);
  }

  function writeUrl() {
    var params = new URLSearchParams();
    chosen.forEach(function (k) { params.append("d", k); });
    var q = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (q ? "?" + q : ""));
  }

  function fillPicker() {
    while (picker.options.length > 1) picker.remove(1);
    var groups = {};
    Object.keys(data.items).sort().forEach(function (k) {
      var it = data.items[k];
      var g = it.year + "年" + (KIND[it.kind] || it.kind);
      (groups[g] = groups[g] || []).push(k);
    });
    Object.keys(groups).sort().reverse().forEach(function (g) {
      var og = document.createElement("optgroup");
      og.label = g;
      groups[g].forEach(function (k) {
        var o = el("option", label(data.items[k]) + (data.items[k].level ? "（" + data.items[k].level + "）" : ""));
        o.value = k;
        o.disabled = chosen.indexOf(k) >= 0;
        og.appendChild(o);
      });
      picker.appendChild(og);
    });
    picker.disabled = chosen.length >= MAX;
  }

  function differences() {
    var items = chosen.map(function (k) { return data.items[k]; });
    var notes = [];
    [["year", "年度"], ["kind", "文件类型"], ["level", "行政级别"], ["type", "部门类型"]].forEach(function (f) {
      var vals = {};
      items.forEach(function (it) { vals[it[f[0]]] = true; });
      if (Object.keys(vals).length > 1) notes.push(f[1]);
    });
    return notes;
  }

  function bars(metric, unit) {
    var cells = chosen.map(function (k) { return data.items[k].metrics[metric]; });
    // A negative value (a fall) is a bar going left from the zero line, a positive one right.
    var neg = 0, pos = 0;
    cells.forEach(function (c) {
      if (!c || c.value === null || c.value === undefined) return;
      if (c.value < 0) neg = Math.max(neg, -c.value); else pos = Math.max(pos, c.value);
    });
    var span = neg + pos;
    var zero = span > 0 ? neg / span * 100 : 0;
    var box = el("div", null, "compare-bars");
    chosen.forEach(function (k, i) {
      var row = el("div", null, "bar-row");
      var name = el("span", data.items[k].department + " " + data.items[k].year, "bar-label");
      name.style.display = "inline-block";
      name.style.width = "20em";
      row.appendChild(name);
      var c = cells[i];
      if (c && c.value !== null && c.value !== undefined && span > 0) {
        var track = el("span", null, "bar-track");
        var bar = el("span", null, "bar" + (c.value < 0 ? " negative" : ""));
        var width = Math.abs(c.value) / span * 100;
        bar.style.left = (c.value < 0 ? zero - width : zero).toFixed(2) + "%";
        bar.style.width = width.toFixed(2) + "%";
        bar.style.background = c.value < 0 ? "#1f4e79" : "#c0392b";
        if (neg > 0) {
          var axis = el("span", null, "bar-zero");
          axis.style.left = zero.toFixed(2) + "%";
          track.appendChild(axis);
        }
        track.appendChild(bar);
        row.appendChild(track);
      }
      row.appendChild(el("span", " " + show(c, unit, metric), "bar-value"));
      box.appendChild(row);
    });
    return box;
  }

  function render() {
    fillPicker();
    var diff = differences();
    warning.hidden = !(chosen.length > 1 && diff.length);
    warning.textContent = diff.length ? "注意：所选项目的" + diff.join("、") + "不同，数字不能直接比较，仅供参考。" : "";
    result.textContent = "";
    if (chosen.length < 2) result.appendChild(el("p", "请选择至少两个部门年度（最多" + MAX + "个）。"));
    if (!chosen.length) return;
    var table = el("table", null, "data compare-table");
    var head = el("tr");
    head.appendChild(el("th", "项目"));
    chosen.forEach(function (k) {
      var it = data.items[k];
      var th = el("th");
      th.setAttribute("data-key", k);
      if (it.url) {
        var a = el("a", it.department);
        a.href = it.url;
        th.appendChild(a);
      } else th.appendChild(el("span", it.department));
      th.appendChild(el("div", it.year + "年" + (KIND[it.kind] || it.kind) + (it.level ? " · " + it.level : "")));
      var rm = el("button", "移除");
      rm.type = "button";
      rm.addEventListener("click", function () {
        chosen = chosen.filter(function (x) { return x !== k; });
        writeUrl();
        render();
      });
      th.appendChild(rm);
      head.appendChild(th);
    });
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el("tbody");
    function addRow(name, cellOf, unit, metric) {
      var tr = el("tr");
      tr.appendChild(el("th", name));
      chosen.forEach(function (k) { tr.appendChild(el("td", show(cellOf(data.items[k]), unit, metric), "num")); });
      body.appendChild(tr);
    }
    (data.figure_order || Object.keys(data.figures)).forEach(function (f) {
      addRow(data.figures[f].name, function (it) { return it.figures[f]; }, "amount", null);
    });
    var pop = el("tr");
    pop.appendChild(el("th", "常住人口"));
    chosen.forEach(function (k) {
      var p = data.items[k].population;
      pop.appendChild(el("td", p ? groupSep(p, 0) + " 人" : "未知", "num"));
    });
    body.appendChild(pop);
    (data.metric_order || Object.keys(data.metrics)).forEach(function (m) {
      addRow(data.metrics[m].name, function (it) { return it.metrics[m]; }, data.metrics[m].unit, m);
    });
    table.appendChild(body);
    result.appendChild(table);
    (data.metric_order || Object.keys(data.metrics)).forEach(function (m) {
      var d = data.metrics[m];
      var fig = el("figure", null, "compare-chart");
      fig.appendChild(el("figcaption", d.name + "（" + d.formula + "）"));
      fig.appendChild(bars(m, d.unit));
      result.appendChild(fig);
    });
  }

  picker.addEventListener("change", function () {
    var k = picker.value;
    if (k && data.items[k] && chosen.indexOf(k) < 0 && chosen.length < MAX) {
      chosen.push(k);
      writeUrl();
    }
    picker.value = "";
    render();
  });
  document.getElementById("compare-clear").addEventListener("click", function () {
    chosen = [];
    writeUrl();
    render();
  });

  fetch(root.getAttribute("data-source"))
    .then(function (r) { return r.json(); })
    .then(function (json) {
      data = json;
      readUrl();
      render();
    })
    .catch(function () {
      result.textContent = "";
      result.appendChild(el("p", "无法载入对比数据（data/compare.json）。"));
    });
})();
