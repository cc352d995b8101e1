/* newsweave entity graph: plain JavaScript, no library.
 *
 * Reads the graph payload ({nodes: [{id, name, label}], edges: [{source,
 * target, relation, date, ...}]}) from the <script type="application/json"
 * id="graph-data"> beside each <svg class="graph">, lays it out with a small
 * force simulation (Fruchterman-Reingold, deterministic: nodes start on a
 * circle), and draws it as SVG. Drag the background to pan; the wheel or the
 * +/- buttons zoom; a node is a link to its entity page. The entity named by
 * the svg's data-focus is drawn in the middle, highlighted.
 *
 * Every name is set with textContent or setAttribute, never as HTML.
 */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";

  function make(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  /* One node per id (edges may name an entity the node list lacks), and one
     link per pair of nodes, carrying every edge between them. */
  function model(data) {
    var nodes = [], byId = {}, links = [], byPair = {};
    function node(id, name, label) {
      if (!byId[id]) {
        byId[id] = {id: id, name: name || id, label: label || "", degree: 0, x: 0, y: 0, dx: 0, dy: 0};
        nodes.push(byId[id]);
      }
      return byId[id];
    }
    (data.nodes || []).forEach(function (n) { node(n.id, n.name, n.label); });
    (data.edges || []).forEach(function (e) {
      if (e.source === e.target) { return; }
      var a = node(e.source), b = node(e.target);
      var key = [a.id, b.id].sort().join("\u0000");
      if (!byPair[key]) {
        byPair[key] = {a: a, b: b, edges: []};
        links.push(byPair[key]);
        a.degree += 1; b.degree += 1;
      }
      byPair[key].edges.push(e);
    });
    return {nodes: nodes, links: links, byId: byId};
  }

  function layout(g, focus, size) {
    var nodes = g.nodes, n = nodes.length;
    if (!n) { return; }
    var k = Math.sqrt((size * size) / n) * 0.75;
    var order = nodes.slice().sort(function (p, q) { return q.degree - p.degree || (p.id < q.id ? -1 : 1); });
    order.forEach(function (node, i) {
      var angle = (2 * Math.PI * i) / n;
      node.x = Math.cos(angle) * size / 2.5;
      node.y = Math.sin(angle) * size / 2.5;
    });
    var rounds = n > 300 ? 80 : 260, heat = size / 8;
    for (var round = 0; round < rounds; round++) {
      nodes.forEach(function (v) { v.dx = 0; v.dy = 0; });
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var v = nodes[i], u = nodes[j];
          var dx = v.x - u.x, dy = v.y - u.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
          var push = (k * k) / d;
          v.dx += (dx / d) * push; v.dy += (dy / d) * push;
          u.dx -= (dx / d) * push; u.dy -= (dy / d) * push;
        }
      }
      g.links.forEach(function (l) {
        var dx = l.a.x - l.b.x, dy = l.a.y - l.b.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        var pull = (d * d) / k;
        l.a.dx -= (dx / d) * pull; l.a.dy -= (dy / d) * pull;
        l.b.dx += (dx / d) * pull; l.b.dy += (dy / d) * pull;
      });
      nodes.forEach(function (v) {
        v.dx -= v.x * 0.6; v.dy -= v.y * 0.6;  /* gravity: parts not linked stay near */
        var d = Math.sqrt(v.dx * v.dx + v.dy * v.dy) || 0.01, step = Math.min(d, heat);
        v.x += (v.dx / d) * step; v.y += (v.dy / d) * step;
      });
      if (focus) { focus.x = 0; focus.y = 0; }
      heat *= 0.985;
    }
  }

  function describe(link) {
    return link.a.name + " – " + link.b.name + ": " + link.edges.map(function (e) {
      var what = e.relation === "addressed" ? "addressed" : (e.kind || e.relation);
      return what + (e.date ? " " + e.date : "") + (e.place ? " in " + e.place : "");
    }).join("; ");
  }

  function draw(svg, data) {
    var g = model(data);
    var box = svg.getBoundingClientRect();
    var width = Math.max(box.width, 300), height = Math.max(box.height, 300);
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    var focus = g.byId[svg.getAttribute("data-focus") || ""];
    layout(g, focus, Math.min(width, height));

    /* Zooming moves the marks apart, not bigger: names stay readable. */
    var view = make("g", {"class": "viewport"}, svg);
    var edgeLayer = make("g", {"class": "edges"}, view);
    var nodeLayer = make("g", {"class": "nodes"}, view);
    var lines = g.links.map(function (l) {
      var kinds = {};
      l.edges.forEach(function (e) { kinds[e.relation] = true; });
      var line = make("line", {"class": "edge " + Object.keys(kinds).join(" "),
                               "stroke-width": Math.min(1.2 + l.edges.length * 0.6, 6)}, edgeLayer);
      make("title", {}, line).textContent = describe(l);
      return {link: l, line: line};
    });
    var marks = g.nodes.map(function (v) {
      var link = make("a", {"class": "node " + v.label + (v === focus ? " focus" : ""),
                            href: "/entities/" + encodeURIComponent(v.id)}, nodeLayer);
      var radius = 5 + 2 * Math.sqrt(v.degree);
      var circle = make("circle", {r: radius}, link);
      var label = make("text", {}, link);
      label.textContent = v.name;
      make("title", {}, link).textContent = v.name + " (" + v.degree + " linked)";
      return {node: v, circle: circle, label: label, radius: radius};
    });

    var state = {scale: 1, x: 0, y: 0};
    function at(v) { return [v.x * state.scale + state.x, v.y * state.scale + state.y]; }
    function apply() {
      lines.forEach(function (item) {
        var a = at(item.link.a), b = at(item.link.b);
        item.line.setAttribute("x1", a[0]); item.line.setAttribute("y1", a[1]);
        item.line.setAttribute("x2", b[0]); item.line.setAttribute("y2", b[1]);
      });
      marks.forEach(function (item) {
        var p = at(item.node);
        item.circle.setAttribute("cx", p[0]); item.circle.setAttribute("cy", p[1]);
        item.label.setAttribute("x", p[0] + item.radius + 3); item.label.setAttribute("y", p[1] + 4);
      });
    }
    function fit() {
      var xs = g.nodes.map(function (v) { return v.x; }), ys = g.nodes.map(function (v) { return v.y; });
      var left = Math.min.apply(null, xs), right = Math.max.apply(null, xs);
      var top = Math.min.apply(null, ys), bottom = Math.max.apply(null, ys);
      /* room for the names (about 150 px right of a node) and the buttons */
      state.scale = Math.min((width - 190) / Math.max(right - left, 1),
                             (height - 110) / Math.max(bottom - top, 1), 3);
      state.x = 30 - left * state.scale + (width - 190 - (right - left) * state.scale) / 2;
      state.y = 60 - top * state.scale + (height - 110 - (bottom - top) * state.scale) / 2;
      apply();
    }
    function zoom(factor, px, py) {
      var next = Math.max(0.02, Math.min(state.scale * factor, 50));
      factor = next / state.scale;
      state.x = px - (px - state.x) * factor;
      state.y = py - (py - state.y) * factor;
      state.scale = next;
      apply();
    }
    function toView(event) {  /* client pixels to viewBox units */
      var rect = svg.getBoundingClientRect();
      return [(event.clientX - rect.left) * width / rect.width,
              (event.clientY - rect.top) * height / rect.height];
    }
    fit();

    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      var at = toView(event);
      zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15, at[0], at[1]);
    }, {passive: false});

    var drag = null;
    svg.addEventListener("pointerdown", function (event) {
      if (event.target.closest && event.target.closest("a")) { return; }  /* a node: let it click */
      drag = {at: toView(event), x: state.x, y: state.y};
      svg.setPointerCapture(event.pointerId);
      svg.classList.add("dragging");
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag) { return; }
      var at = toView(event);
      state.x = drag.x + at[0] - drag.at[0];
      state.y = drag.y + at[1] - drag.at[1];
      apply();
    });
    function stop() { drag = null; svg.classList.remove("dragging"); }
    svg.addEventListener("pointerup", stop);
    svg.addEventListener("pointercancel", stop);

    var tools = svg.parentNode.querySelectorAll("[data-zoom]");
    Array.prototype.forEach.call(tools, function (button) {
      button.addEventListener("click", function () {
        var how = button.getAttribute("data-zoom");
        if (how === "reset") { fit(); return; }
        zoom(parseFloat(how), width / 2, height / 2);
      });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("svg.graph"), function (svg) {
      var source = svg.parentNode.querySelector("script#graph-data");
      if (!source) { return; }
      draw(svg, JSON.parse(source.textContent));
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
