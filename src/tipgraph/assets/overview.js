/* tipgraph render, overview page: a large graph opened on its most claimed-about
 * actors, countries and events; neighbourhoods are drawn on demand from the
 * entity columns in the page data (no server).
 *
 * Every string from the graph (labels, sentences, claim text) is put on the
 * page with textContent or as a text node, never as HTML.
 */
(function () {
  "use strict";

  var timings = { script: performance.now() }; // ms since navigation; read by benchmarks/bench_render.py
  var data = JSON.parse(document.getElementById("tipgraph-data").textContent);
  timings.parsed = performance.now();
  var E = data.entities;
  var count = E.id.length;
  var docNames = data.documents;
  var kinds = data.kinds;
  var CLAIMS_KIND = 0;
  var EXPAND_LIMIT = 40; // neighbours added per expansion

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function className(i) { return data.classNames[E.cls[i]]; }
  function colour(i) { return data.colours[E.cls[i]]; }
  function size(i) { return Math.min(8 + 5 * Math.log2(1 + E.claims[i]), 60); }
  function cutLabel(text) { return text.length > 40 ? text.slice(0, 39) + "…" : text; }

  function tooltipText(i) {
    var lines = [className(i) + ": " + E.label[i]];
    if (E.alt[i].length) lines.push("Also: " + E.alt[i].join("; "));
    lines.push(plural(E.claims[i], "claim") + ", " + plural(E.mentions[i], "mention") + " in " + plural(E.docs[i], "document"));
    var first = E.sources[i][0];
    if (first) lines.push("“" + first[2] + "”" + (first[0] >= 0 ? " (" + docNames[first[0]] + ")" : ""));
    return lines.join("\n");
  }
  function linkText(from, to, kind, n) {
    return E.label[from] + " → " + E.label[to] + ": " + (kind === CLAIMS_KIND ? plural(n, "claim") : kinds[kind]);
  }

  function visNode(i, x, y) {
    return {
      id: i, label: cutLabel(E.label[i]), color: colour(i), size: size(i),
      shape: "dot", x: x, y: y, hidden: !enabledClass[className(i)]
    };
  }
  function edgeId(from, to) { return from + ">" + to; } // A->B and B->A are both drawn
  function visEdge(from, to, kind, n) {
    // No edge labels and no vis tooltips: thousands of them make the first draw slow.
    // The count is the edge's width, and the hover box (below) says it.
    var isClaims = kind === CLAIMS_KIND;
    return {
      id: edgeId(from, to), from: from, to: to, kind: kind, n: n,
      width: isClaims ? Math.min(1 + Math.log2(n), 8) : 1, dashes: !isClaims
    };
  }

  var enabledClass = {};
  data.classes.forEach(function (c) { enabledClass[c.name] = true; });

  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var position = {}; // entity index -> [x, y] of every node drawn so far

  function drawOpening() {
    nodes.clear();
    edges.clear();
    position = {};
    var o = data.opening;
    nodes.add(o.nodes.map(function (i, k) {
      position[i] = [o.x[k], o.y[k]];
      return visNode(i, o.x[k], o.y[k]);
    }));
    edges.add(o.edges.map(function (e) { return visEdge(e[0], e[1], e[2], e[3]); }));
    updateCounts();
  }

  var container = document.getElementById("network");
  var loading = document.getElementById("loading");
  var counts = document.getElementById("counts");
  function updateCounts() {
    counts.textContent = nodes.length + " of " + count + " entities drawn · " + data.totals.claims + " claims";
  }
  drawOpening();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  timings.network = performance.now();
  network.once("afterDrawing", function () {
    timings.drawn = performance.now();
    loading.classList.add("done");
    window.tipgraphReady = true;
    document.body.setAttribute("data-ready", "true");
  });
  network.fit();

  // One hover box, filled on demand with text (never HTML).
  var hoverBox = el("div", "tip-tooltip overview-hover");
  hoverBox.hidden = true;
  document.getElementById("network-wrap").appendChild(hoverBox);
  function showHover(text, pointer) {
    hoverBox.textContent = text;
    hoverBox.style.left = pointer.DOM.x + 14 + "px";
    hoverBox.style.top = pointer.DOM.y + 14 + "px";
    hoverBox.hidden = false;
  }
  network.on("hoverNode", function (params) { showHover(tooltipText(params.node), params.pointer); });
  network.on("hoverEdge", function (params) {
    var e = edges.get(params.edge);
    if (e) showHover(linkText(e.from, e.to, e.kind, e.n), params.pointer);
  });
  network.on("blurNode", function () { hoverBox.hidden = true; });
  network.on("blurEdge", function () { hoverBox.hidden = true; });
  network.on("dragStart", function () { hoverBox.hidden = true; });

  // Links of entity i: [neighbour, kind, count, outgoing, ...] flattened, strongest first.
  function linksOf(i) {
    var flat = E.links[i];
    var out = [];
    for (var k = 0; k < flat.length; k += 4) out.push({ other: flat[k], kind: flat[k + 1], n: flat[k + 2], out: flat[k + 3] === 1 });
    return out;
  }

  // Edges between i and the nodes drawn so far (or about to be: `pending`).
  function edgesOf(i, pending) {
    var found = [];
    linksOf(i).forEach(function (l) {
      if (!(l.other in position)) return;
      var id = l.out ? edgeId(i, l.other) : edgeId(l.other, i);
      if (pending[id] || edges.get(id)) return;
      pending[id] = true;
      found.push(l.out ? visEdge(i, l.other, l.kind, l.n) : visEdge(l.other, i, l.kind, l.n));
    });
    return found;
  }

  function place(i, near) {
    // New nodes go on a ring around the node they belong to.
    var centre = near !== undefined && near in position ? position[near] : [0, 0];
    var k = Object.keys(position).length;
    var angle = k * 2.399963; // golden angle: rings fill without overlap
    var radius = 140 + 18 * Math.sqrt(k % 97);
    position[i] = [centre[0] + radius * Math.cos(angle), centre[1] + radius * Math.sin(angle)];
    return position[i];
  }

  // Draw entities `list` (placed near `near`) with their edges to what is drawn, in one update.
  function addNodes(list, near) {
    var newNodes = [];
    list.forEach(function (i) {
      if (i in position) return;
      var p = place(i, near);
      if (!enabledClass[className(i)]) { enabledClass[className(i)] = true; syncLegend(className(i)); }
      newNodes.push(visNode(i, p[0], p[1]));
    });
    var pending = {};
    var newEdges = [];
    newNodes.forEach(function (n) { newEdges = newEdges.concat(edgesOf(n.id, pending)); });
    if (newNodes.length) nodes.add(newNodes);
    if (newEdges.length) edges.add(newEdges);
    updateCounts();
    return newNodes.length;
  }

  function expand(i) {
    addNodes([i]);
    var wanted = [];
    linksOf(i).forEach(function (l) {
      if (wanted.length < EXPAND_LIMIT && !(l.other in position) && wanted.indexOf(l.other) < 0) wanted.push(l.other);
    });
    return addNodes(wanted, i);
  }

  // ---------------------------------------------------------------- legend
  var boxes = {};
  function syncLegend(name) { if (boxes[name]) boxes[name].checked = enabledClass[name]; }
  function applyFilters() {
    var updates = [];
    nodes.forEach(function (n) {
      var hidden = !enabledClass[className(n.id)];
      if (Boolean(n.hidden) !== hidden) updates.push({ id: n.id, hidden: hidden });
    });
    if (updates.length) nodes.update(updates);
  }
  function legendRow(c) {
    var row = el("label", "legend-row");
    var swatch = el("span", "swatch " + (c.kind === "claim" ? "diamond" : "dot"));
    swatch.style.background = c.colour;
    if (c.kind === "entity") {
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.setAttribute("data-class", c.name);
      box.addEventListener("change", function () { enabledClass[c.name] = box.checked; applyFilters(); });
      boxes[c.name] = box;
      row.appendChild(box);
    }
    row.appendChild(swatch);
    row.appendChild(el("span", "legend-name", c.name));
    row.appendChild(el("span", "legend-count", c.count));
    return row;
  }
  var legendClasses = document.getElementById("legend-classes");
  var legendClaims = document.getElementById("legend-claims");
  data.classes.forEach(function (c) { (c.kind === "claim" ? legendClaims : legendClasses).appendChild(legendRow(c)); });
  document.getElementById("show-all").addEventListener("click", function () {
    data.classes.forEach(function (c) { enabledClass[c.name] = true; syncLegend(c.name); });
    applyFilters();
  });
  document.getElementById("fit").addEventListener("click", function () { network.fit(); });
  document.getElementById("reset").addEventListener("click", function () { drawOpening(); showDetails(null); network.fit(); });

  // ------------------------------------------------------------ side panel
  var panelEmpty = document.getElementById("panel-empty");
  var panelBody = document.getElementById("panel-body");
  var selected = null;

  function quote(sentence, anchors) {
    var span = el("span", "source-text");
    var lower = sentence.toLowerCase();
    var at = 0;
    var marks = [];
    (anchors ? String(anchors).split("\n") : []).forEach(function (a) {
      var k = a ? lower.indexOf(a.toLowerCase()) : -1;
      if (k >= 0) marks.push([k, k + a.length]);
    });
    marks.sort(function (x, y) { return x[0] - y[0]; });
    marks.forEach(function (m) {
      if (m[0] < at) return;
      span.appendChild(document.createTextNode(sentence.slice(at, m[0])));
      span.appendChild(el("mark", null, sentence.slice(m[0], m[1])));
      at = m[1];
    });
    span.appendChild(document.createTextNode(sentence.slice(at)));
    return span;
  }

  function nodeButton(j) {
    var button = el("button", "link-node", E.label[j]);
    button.type = "button";
    button.addEventListener("click", function () { focusNode(j); });
    return button;
  }

  function showDetails(i) {
    selected = i;
    if (i === null || i === undefined || i < 0 || i >= count) {
      panelBody.hidden = true;
      panelEmpty.hidden = false;
      return;
    }
    panelEmpty.hidden = true;
    panelBody.hidden = false;
    var cls = document.getElementById("panel-class");
    cls.textContent = className(i);
    cls.style.color = colour(i);
    document.getElementById("panel-label").textContent = E.label[i];
    document.getElementById("panel-alt").textContent = E.alt[i].length ? "Also: " + E.alt[i].join("; ") : "";
    document.getElementById("panel-iri").textContent = data.base + E.id[i];
    document.getElementById("panel-counts").textContent =
      plural(E.claims[i], "claim") + " · " + plural(E.mentions[i], "mention") + " in " + plural(E.docs[i], "document");

    var claims = document.getElementById("panel-claims");
    claims.textContent = "";
    E.listed[i].forEach(function (c) {
      var row = data.claims[c]; // [class, text, document, claimant]
      var li = el("li");
      var kind = el("span", "claim-class", data.classNames[row[0]]);
      kind.style.color = data.colours[row[0]];
      li.appendChild(kind);
      li.appendChild(el("span", "source-text", row[1]));
      var by = el("span", "claim-by", row[3] >= 0 ? "by " : "no claimant found");
      if (row[3] >= 0) by.appendChild(nodeButton(row[3]));
      li.appendChild(by);
      li.appendChild(el("span", "source-doc", row[2] >= 0 ? docNames[row[2]] : "(no document)"));
      claims.appendChild(li);
    });
    var rest = E.claims[i] - E.listed[i].length;
    if (rest > 0) {
      claims.appendChild(el("li", "more", rest + " more in the graph: tipgraph query graph.ttl -e '…' lists them all"));
    }
    document.getElementById("panel-claims-heading").textContent =
      "Claims (" + E.listed[i].length + (rest > 0 ? " of " + E.claims[i] : "") + ")";

    var sources = document.getElementById("panel-sources");
    sources.textContent = "";
    E.sources[i].forEach(function (s) {
      var li = el("li");
      li.appendChild(quote(String(s[2]), s[1]));
      li.appendChild(el("span", "source-doc", s[0] >= 0 ? docNames[s[0]] : "(no document)"));
      sources.appendChild(li);
    });
    document.getElementById("panel-sources-heading").textContent =
      "Sentences (" + E.sources[i].length + " of " + plural(E.mentions[i], "mention") + ")";

    var list = document.getElementById("panel-links");
    list.textContent = "";
    var links = linksOf(i);
    links.slice(0, 60).forEach(function (l) {
      var li = el("li");
      var what = l.kind === CLAIMS_KIND ? plural(l.n, "claim") : kinds[l.kind];
      li.appendChild(el("span", "link-prop", l.out ? what + " → " : "← " + what + " "));
      li.appendChild(nodeButton(l.other));
      list.appendChild(li);
    });
    document.getElementById("panel-links-heading").textContent = "Neighbours (" + links.length + ")";
    document.getElementById("expand").textContent = "Show neighbours (" + Math.min(links.length, EXPAND_LIMIT) + ")";
  }

  document.getElementById("expand").addEventListener("click", function () {
    if (selected !== null) { expand(selected); network.selectNodes([selected]); }
  });
  network.on("selectNode", function (params) { showDetails(params.nodes[0]); });
  network.on("deselectNode", function (params) { if (!params.nodes.length) showDetails(null); });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) { expand(params.nodes[0]); showDetails(params.nodes[0]); }
  });

  function focusNode(i) {
    if (i === null || i === undefined || i < 0 || i >= count) return false;
    if (!(i in position)) {
      // Put it beside its strongest drawn neighbour, else in the middle.
      var near;
      linksOf(i).some(function (l) { if (l.other in position) { near = l.other; return true; } return false; });
      addNodes([i], near);
    }
    if (!enabledClass[className(i)]) { enabledClass[className(i)] = true; syncLegend(className(i)); applyFilters(); }
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showDetails(i);
    return true;
  }

  // ---------------------------------------------------------------- search
  var search = document.getElementById("search");
  var searchStatus = document.getElementById("search-status");
  var datalist = document.getElementById("search-names");
  var names = [];
  for (var i = 0; i < count; i++) {
    names.push({ key: E.label[i].toLowerCase(), name: E.label[i], id: i, alt: false });
    for (var a = 0; a < E.alt[i].length; a++) names.push({ key: E.alt[i][a].toLowerCase(), name: E.alt[i][a], id: i, alt: true });
  }

  function findMatches(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var ranked = [];
    names.forEach(function (x) {
      var rank = x.key === q ? (x.alt ? 1 : 0) : x.key.indexOf(q) === 0 ? 2 : x.key.indexOf(q) > 0 ? 3 : -1;
      if (rank >= 0) ranked.push([rank, -E.claims[x.id], x.key.length, x.id]);
    });
    ranked.sort(function (p, r) { return p[0] - r[0] || p[1] - r[1] || p[2] - r[2] || p[3] - r[3]; });
    var out = [];
    var used = {};
    ranked.forEach(function (r) { if (!used[r[3]]) { used[r[3]] = true; out.push(r[3]); } });
    return out;
  }

  // The datalist holds the best matches of what is typed, not every name.
  search.addEventListener("input", function () {
    datalist.textContent = "";
    if (search.value.trim().length < 2) return;
    var seen = {};
    findMatches(search.value).slice(0, 30).forEach(function (j) {
      if (seen[E.label[j]]) return;
      seen[E.label[j]] = true;
      var option = document.createElement("option");
      option.value = E.label[j];
      datalist.appendChild(option);
    });
  });

  var lastQuery = null;
  var matchIndex = 0;
  function runSearch(next) {
    var query = search.value;
    var matches = findMatches(query);
    if (!matches.length) {
      searchStatus.textContent = query.trim() ? "no match" : "";
      lastQuery = null;
      return;
    }
    matchIndex = next && query === lastQuery ? (matchIndex + 1) % matches.length : 0;
    lastQuery = query;
    focusNode(matches[matchIndex]);
    searchStatus.textContent = "match " + (matchIndex + 1) + " of " + matches.length;
  }
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); runSearch(true); }
  });
  search.addEventListener("change", function () { runSearch(false); });

  function indexOf(iri) {
    var id = iri.indexOf(data.base) === 0 ? iri.slice(data.base.length) : iri;
    return E.id.indexOf(id);
  }

  window.tipgraph = {
    mode: "overview",
    timings: timings,
    network: network,
    nodes: nodes,
    edges: edges,
    data: data,
    focusNode: focusNode,
    showDetails: showDetails,
    findMatches: findMatches,
    expand: expand,
    indexOf: indexOf
  };
})();
