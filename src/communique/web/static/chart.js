/* The dyad chart: events per period stacked by quad class (bars, left axis) and the mean
 * Goldstein score (line, right axis, -10 conflict .. +10 cooperation).
 * Plain SVG, no library: reads its rows from the JSON island #series-data, or from
 * /api/dyads/{a}/{b}/series when given a URL. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var QUADS = [
    { key: "q1", label: "verbal cooperation" },
    { key: "q2", label: "material cooperation" },
    { key: "q3", label: "verbal conflict" },
    { key: "q4", label: "material conflict" }
  ];

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    for (var k in attrs) { if (attrs.hasOwnProperty(k)) node.setAttribute(k, attrs[k]); }
    if (parent) parent.appendChild(node);
    return node;
  }

  function text(parent, x, y, content, anchor) {
    var t = el("text", { x: x, y: y, "text-anchor": anchor || "middle" }, parent);
    t.textContent = content;
    return t;
  }

  /* Round the top of the count axis up to a tidy number with about five ticks. */
  function niceTicks(max) {
    if (max <= 0) return [0, 1];
    var rough = max / 5, power = Math.pow(10, Math.floor(Math.log10(rough)));
    var step = [1, 2, 5, 10].map(function (m) { return m * power; })
      .find(function (s) { return s >= rough; });
    step = Math.max(1, step);
    var ticks = [];
    for (var v = 0; v <= max + step - 1e-9; v += step) ticks.push(v);
    return ticks;
  }

  function periodLabel(period, granularity) {
    if (granularity === "year") return period.slice(0, 4);
    if (granularity === "month") return period.slice(0, 7);
    return period.slice(0, 10);
  }

  function draw(container, rows, granularity) {
    container.innerHTML = "";
    var width = Math.max(container.clientWidth || 800, 320), height = 300;
    var m = { top: 34, right: 46, bottom: 42, left: 44 };
    var w = width - m.left - m.right, h = height - m.top - m.bottom;
    var svg = el("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height,
                          role: "img", "aria-label": "events per " + granularity }, container);

    var totals = rows.map(function (r) { return QUADS.reduce(function (s, q) { return s + (r[q.key] || 0); }, 0); });
    var ticks = niceTicks(Math.max.apply(null, totals.concat([1])));
    var top = ticks[ticks.length - 1];
    var y = function (v) { return m.top + h - (v / top) * h; };
    var yg = function (g) { return m.top + h / 2 - (g / 10) * (h / 2); };
    var band = w / Math.max(rows.length, 1);
    var barWidth = Math.max(2, Math.min(48, band * 0.7));
    var x = function (i) { return m.left + band * i + band / 2; };

    // grid and left axis (counts)
    var grid = el("g", { "class": "grid" }, svg);
    ticks.forEach(function (t) {
      el("line", { x1: m.left, x2: m.left + w, y1: y(t), y2: y(t) }, grid);
      text(svg, m.left - 6, y(t) + 4, String(t), "end");
    });
    text(svg, m.left - 6, m.top - 12, "events", "end");
    // right axis (Goldstein)
    [-10, -5, 0, 5, 10].forEach(function (g) { text(svg, m.left + w + 6, yg(g) + 4, (g > 0 ? "+" : "") + g, "start"); });
    text(svg, m.left + w + 6, m.top - 12, "Goldstein", "start");
    el("line", { "class": "zero", x1: m.left, x2: m.left + w, y1: yg(0), y2: yg(0) }, svg);
    var axis = el("g", { "class": "axis" }, svg);
    el("line", { x1: m.left, x2: m.left + w, y1: m.top + h, y2: m.top + h }, axis);

    // stacked bars, one group per period, with a tooltip
    var bars = el("g", { "class": "bars" }, svg);
    rows.forEach(function (r, i) {
      var base = 0;
      QUADS.forEach(function (q) {
        var n = r[q.key] || 0;
        if (!n) return;
        el("rect", { "class": q.key, x: x(i) - barWidth / 2, width: barWidth,
                     y: y(base + n), height: Math.max(0.5, y(base) - y(base + n)) }, bars);
        base += n;
      });
      var hover = el("rect", { "class": "hover", x: x(i) - band / 2, width: band, y: m.top, height: h }, bars);
      var tip = el("title", {}, hover);
      tip.textContent = periodLabel(r.period, granularity) + ": " + totals[i] + " events\n" +
        QUADS.map(function (q) { return q.label + ": " + (r[q.key] || 0); }).join("\n") +
        (r.goldstein_mean == null ? "" : "\nmean Goldstein: " + Number(r.goldstein_mean).toFixed(2));
    });

    // Goldstein line, broken where a period has no events (no mean to draw)
    var runs = [[]], points = [];
    rows.forEach(function (r, i) {
      if (r.goldstein_mean == null) { if (runs[runs.length - 1].length) runs.push([]); return; }
      var p = [x(i), yg(r.goldstein_mean)];
      runs[runs.length - 1].push(p);
      points.push(p);
    });
    if (points.length > 1) {  // a faint dashed line bridges the gaps, so sparse series still read as a trend
      el("path", { "class": "goldstein gap", d: "M" + points.map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join("L") }, svg);
    }
    runs.forEach(function (run) {
      if (run.length < 2) return;
      el("path", { "class": "goldstein", d: "M" + run.map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join("L") }, svg);
    });
    points.forEach(function (p) { el("circle", { "class": "goldstein-dot", cx: p[0], cy: p[1], r: 3 }, svg); });

    // period labels, thinned so they never overlap
    var every = Math.max(1, Math.ceil(rows.length / Math.floor(w / 70)));
    rows.forEach(function (r, i) {
      if (i % every === 0) text(svg, x(i), m.top + h + 16, periodLabel(r.period, granularity));
    });

    // legend
    var legend = el("g", { "class": "legend" }, svg), lx = m.left;
    QUADS.forEach(function (q) {
      el("rect", { "class": q.key, x: lx, y: 4, width: 11, height: 11, rx: 2 }, legend);
      lx += 16 + text(legend, lx + 16, 14, q.label, "start").getComputedTextLength() + 16;
    });
    el("line", { "class": "goldstein", x1: lx, x2: lx + 18, y1: 10, y2: 10 }, legend);
    text(legend, lx + 24, 14, "mean Goldstein", "start");
  }

  function mount(container, rows) {
    var granularity = container.getAttribute("data-granularity") || "month";
    var redraw = function () { draw(container, rows, granularity); };
    redraw();
    var pending;
    window.addEventListener("resize", function () { clearTimeout(pending); pending = setTimeout(redraw, 120); });
  }

  window.communiqueChart = {
    draw: draw,
    /* Load rows from the API instead of the page, e.g. for embedding elsewhere. */
    fromUrl: function (container, url) {
      return fetch(url).then(function (r) { return r.json(); })
        .then(function (data) { container.setAttribute("data-granularity", data.by); mount(container, data.series); });
    }
  };

  document.addEventListener("DOMContentLoaded", function () {
    var container = document.getElementById("dyad-chart");
    var island = document.getElementById("series-data");
    if (container && island) mount(container, JSON.parse(island.textContent));
  });
})();
