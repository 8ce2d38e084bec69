/* Compare page: pick two to four department-years, see them side by side.
 * Reads static files (no server), a little at a time so a phone never loads the nation:
 * data/compare.json names the metrics, the provinces and their regions; data/compare/r/<region>.json
 * lists a region's department-years to pick from; data/compare/d/<department id>.json holds a
 * department's numbers (generator/site/metric_data.py writes them). A key starts with its
 * region (<region code or x>-…), so a shared link (?d=…&d=…) finds its files from the key alone.
 * All text is set with textContent: data from disclosures is never parsed as HTML. */
(function () {
  "use strict";
  var root = document.getElementById("compare");
  if (!root) return;
  var MAX = parseInt(root.getAttribute("data-max"), 10) || 4;
  var base = root.getAttribute("data-base");
  var provinceSel = document.getElementById("compare-province");
  var regionSel = document.getElementById("compare-region");
  var picker = document.getElementById("compare-add");
  var result = document.getElementById("compare-result");
  var warning = document.getElementById("compare-warning");
  var KIND = { budget: "部门预算", final: "部门决算", performance: "绩效目标" };
  var data = null; // the index
  var items = {}; // key -> a department-year with its numbers, once loaded
  var loaded = {}; // url -> promise of its JSON
  var chosen = [];

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function load(url) {
    if (!loaded[url]) {
      loaded[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.json();
      });
    }
    return loaded[url];
  }

  function regionOf(key) {
    var i = key.indexOf("-");
    return i > 0 ? key.slice(0, i) : "x";
  }

  function provinceOf(region) {
    return /^\d{6}$/.test(region) ? region.slice(0, 2) + "0000" : "x";
  }

  function regionList(code) {
    return load(base + "r/" + encodeURIComponent(code) + ".json");
  }

  /* A department-year's numbers: its region's list names its department's file. Resolves to
   * null for a key the site does not have (an old or mistyped link). */
  function fetchItem(key) {
    if (items[key]) return Promise.resolve(items[key]);
    return regionList(regionOf(key))
      .then(function (list) {
        var entry = null;
        list.items.forEach(function (it) { if (it.key === key) entry = it; });
        if (!entry) return null;
        return load(base + "d/" + encodeURIComponent(entry.department_id) + ".json").then(function (d) {
          if (d.items[key]) items[key] = d.items[key];
          return d.items[key] || null;
        });
      })
      .catch(function () { return null; });
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
    return groupSep(cell.value, 2) + " 万元";
  }

  function urlKeys() {
    var params = new URLSearchParams(window.location.search);
    var keys = params.getAll("d");
    if (!keys.length && window.location.hash.indexOf("#d=") === 0) {
      keys = window.location.hash.slice(3).split(",").map(decodeURIComponent);
    }
    return keys;
  }

  function writeUrl() {
    var params = new URLSearchParams();
    chosen.forEach(function (k) { params.append("d", k); });
    var q = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (q ? "?" + q : ""));
  }

  function clearOptions(sel) {
    while (sel.options.length > 1) sel.remove(1);
    while (sel.querySelector("optgroup")) sel.removeChild(sel.querySelector("optgroup"));
  }

  function province(code) {
    var found = null;
    data.provinces.forEach(function (p) { if (p.code === code) found = p; });
    return found;
  }

  function fillProvinces() {
    clearOptions(provinceSel);
    data.provinces.forEach(function (p) {
      var n = 0;
      p.regions.forEach(function (r) { n += r.count; });
      var o = el("option", p.name + "（" + n + " 份）");
      o.value = p.code;
      provinceSel.appendChild(o);
    });
  }

  function fillRegions(code) {
    clearOptions(regionSel);
    clearOptions(picker);
    var p = province(code);
    regionSel.disabled = !p;
    picker.disabled = true;
    if (!p) return;
    p.regions.forEach(function (r) {
      var o = el("option", r.name + "（" + (r.level ? r.level + "，" : "") + r.count + " 份）");
      o.value = r.code;
      regionSel.appendChild(o);
    });
  }

  function fillItems(code) {
    clearOptions(picker);
    picker.disabled = true;
    if (!code) return Promise.resolve();
    return regionList(code).then(function (list) {
      if (regionSel.value !== code) return; // another region was chosen meanwhile
      var groups = {};
      list.items.forEach(function (it) {
        var g = it.year + "年" + (KIND[it.kind] || it.kind);
        (groups[g] = groups[g] || []).push(it);
      });
      Object.keys(groups).sort().reverse().forEach(function (g) {
        var og = document.createElement("optgroup");
        og.label = g;
        groups[g].forEach(function (it) {
          var o = el("option", label(it));
          o.value = it.key;
          og.appendChild(o);
        });
        picker.appendChild(og);
      });
      markChosen();
    }, function () {
      loadError("data/compare/r/" + code + ".json");
    });
  }

  function markChosen() {
    Array.prototype.forEach.call(picker.options, function (o) {
      if (o.value) o.disabled = chosen.indexOf(o.value) >= 0;
    });
    picker.disabled = chosen.length >= MAX || picker.options.length < 2;
  }

  /* Show a place in the pickers; a province or region with nothing else to choose is chosen. */
  function showPlace(region) {
    var p = region ? provinceOf(region) : data.provinces.length === 1 ? data.provinces[0].code : "";
    provinceSel.value = province(p) ? p : "";
    fillRegions(provinceSel.value);
    var regions = province(provinceSel.value) ? province(provinceSel.value).regions : [];
    if (!region && regions.length === 1) region = regions[0].code;
    regionSel.value = region && regions.some(function (r) { return r.code === region; }) ? region : "";
    return fillItems(regionSel.value);
  }

  function differences() {
    var list = chosen.map(function (k) { return items[k]; });
    var notes = [];
    [["year", "年度"], ["kind", "文件类型"], ["level", "行政级别"], ["type", "部门类型"]].forEach(function (f) {
      var vals = {};
      list.forEach(function (it) { vals[it[f[0]]] = true; });
      if (Object.keys(vals).length > 1) notes.push(f[1]);
    });
    return notes;
  }

  function bars(metric, unit) {
    var cells = chosen.map(function (k) { return items[k].metrics[metric]; });
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
      var name = el("span", items[k].department + " " + items[k].year, "bar-label");
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
    markChosen();
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
      var it = items[k];
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
      chosen.forEach(function (k) { tr.appendChild(el("td", show(cellOf(items[k]), unit, metric), "num")); });
      body.appendChild(tr);
    }
    data.figure_order.forEach(function (f) {
      addRow(data.figures[f].name, function (it) { return it.figures[f]; }, "amount", null);
    });
    var pop = el("tr");
    pop.appendChild(el("th", "常住人口"));
    chosen.forEach(function (k) {
      var p = items[k].population;
      pop.appendChild(el("td", p ? groupSep(p, 0) + " 人" : "未知", "num"));
    });
    body.appendChild(pop);
    data.metric_order.forEach(function (m) {
      addRow(data.metrics[m].name, function (it) { return it.metrics[m]; }, data.metrics[m].unit, m);
    });
    table.appendChild(body);
    result.appendChild(table);
    data.metric_order.forEach(function (m) {
      var d = data.metrics[m];
      var fig = el("figure", null, "compare-chart");
      fig.appendChild(el("figcaption", d.name + "（" + d.formula + "）"));
      fig.appendChild(bars(m, d.unit));
      result.appendChild(fig);
    });
  }

  function loadError(file) {
    result.textContent = "";
    result.appendChild(el("p", "无法载入对比数据（" + file + "）。"));
  }

  provinceSel.addEventListener("change", function () {
    fillRegions(provinceSel.value);
    var regions = province(provinceSel.value) ? province(provinceSel.value).regions : [];
    if (regions.length === 1) {
      regionSel.value = regions[0].code;
      fillItems(regionSel.value);
    }
  });
  regionSel.addEventListener("change", function () { fillItems(regionSel.value); });
  picker.addEventListener("change", function () {
    var k = picker.value;
    picker.value = "";
    if (!k || chosen.indexOf(k) >= 0 || chosen.length >= MAX) return;
    fetchItem(k).then(function (it) {
      if (!it) return loadError("data/compare/d/");
      if (chosen.indexOf(k) < 0 && chosen.length < MAX) chosen.push(k);
      writeUrl();
      render();
    });
  });
  document.getElementById("compare-clear").addEventListener("click", function () {
    chosen = [];
    writeUrl();
    render();
  });

  load(root.getAttribute("data-source"))
    .then(function (json) {
      data = json;
      fillProvinces();
      var seen = {};
      var keys = urlKeys().filter(function (k) {
        if (seen[k]) return false;
        seen[k] = true;
        return true;
      });
      return Promise.all(keys.map(fetchItem)).then(function (found) {
        chosen = keys.filter(function (k, i) { return found[i]; }).slice(0, MAX);
        if (keys.length) writeUrl(); // drop keys the site does not have
        return showPlace(chosen.length ? regionOf(chosen[chosen.length - 1]) : "");
      });
    })
    .then(render)
    .catch(function () {
      loadError("data/compare.json");
    });
})();
