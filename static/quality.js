/* Progressive enhancement for the data-quality page: the full list is in the HTML; this only
   filters it by rule, severity, region and year, and keeps the choice in the URL hash. */
(function () {
  "use strict";
  var form = document.querySelector("form.finding-filter");
  var items = document.querySelectorAll("ul.all-findings > li.finding");
  if (!form || !items.length) return;
  var fields = ["rule", "severity", "region", "year"];

  function apply() {
    var want = {};
    fields.forEach(function (k) { want[k] = form.elements[k].value; });
    var shown = 0;
    items.forEach(function (li) {
      var ok = fields.every(function (k) { return !want[k] || li.getAttribute("data-" + k) === want[k]; });
      li.hidden = !ok;
      if (ok) shown += 1;
    });
    form.elements.count.value = "显示 " + shown + " / " + items.length + " 条";
    var parts = fields.filter(function (k) { return want[k]; }).map(function (k) {
      return k + "=" + encodeURIComponent(want[k]);
    });
    history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname);
  }

  location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
    var p = kv.split("=");
    if (fields.indexOf(p[0]) >= 0 && form.elements[p[0]]) form.elements[p[0]].value = decodeURIComponent(p[1] || "");
  });
  form.hidden = false;
  form.addEventListener("change", apply);
  apply();
})();
