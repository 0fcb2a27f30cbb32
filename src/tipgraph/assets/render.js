/* tipgraph render: search, filters, legend and the side panel.
 *
 * Every string from the graph (labels, sentences, claim text) is put on the
 * page with textContent or as a text node, never as HTML.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("tipgraph-data").textContent);
  var details = data.details;
  var docNames = data.documents;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // Tooltips: vis-network shows a DOM element as it is; build it from text.
  var nodeList = data.nodes.map(function (n) {
    var copy = Object.assign({}, n);
    if (typeof copy.title === "string") {
      copy.title = el("div", "tip-tooltip", copy.title);
    }
    return copy;
  });
  var edgeList = data.edges.map(function (e) {
    var copy = Object.assign({}, e);
    if (typeof copy.title === "string") copy.title = el("div", "tip-tooltip", copy.title);
    return copy;
  });
  var nodes = new vis.DataSet(nodeList);
  var edges = new vis.DataSet(edgeList);
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });

  var container = document.getElementById("network");
  var loading = document.getElementById("loading");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  var state = { drawn: false, stabilized: !data.physics };
  function markReady() {
    if (state.drawn && state.stabilized && !window.tipgraphReady) {
      loading.classList.add("done");
      window.tipgraphReady = true;
      document.body.setAttribute("data-ready", "true");
    }
  }
  network.on("afterDrawing", function () { state.drawn = true; markReady(); });
  if (data.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      state.stabilized = true;
      network.fit();
      markReady();
    });
  } else {
    network.fit();
  }

  // ---------------------------------------------------------------- filters
  var enabledClass = {};
  data.classes.forEach(function (c) { enabledClass[c.name] = true; });
  var docFilter = document.getElementById("document-filter");
  docNames.forEach(function (name, i) {
    var option = el("option", null, name);
    option.value = String(i);
    docFilter.appendChild(option);
  });

  function isVisible(n) {
    if (!enabledClass[n.cls]) return false;
    if (docFilter.value !== "") {
      var wanted = Number(docFilter.value);
      if (n.docs.indexOf(wanted) < 0) return false;
    }
    return true;
  }

  var counts = document.getElementById("counts");
  function applyFilters() {
    var updates = [];
    var shown = 0;
    data.nodes.forEach(function (n) {
      var hidden = !isVisible(n);
      if (!hidden) shown += 1;
      if (Boolean(n.hidden) !== hidden) {
        n.hidden = hidden;
        updates.push({ id: n.id, hidden: hidden });
      }
    });
    if (updates.length) nodes.update(updates);
    counts.textContent = shown + " of " + data.nodes.length + " nodes shown";
    var selected = network.getSelectedNodes();
    if (selected.length && byId[selected[0]] && byId[selected[0]].hidden) {
      network.unselectAll();
      showDetails(null);
    }
  }

  function legendRow(c) {
    var row = el("label", "legend-row");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-class", c.name);
    box.addEventListener("change", function () {
      enabledClass[c.name] = box.checked;
      applyFilters();
    });
    var swatch = el("span", "swatch " + (c.kind === "claim" ? "diamond" : c.kind === "document" ? "square" : "dot"));
    swatch.style.background = c.colour;
    row.appendChild(box);
    row.appendChild(swatch);
    row.appendChild(el("span", "legend-name", c.name));
    row.appendChild(el("span", "legend-count", c.count));
    return row;
  }
  var legendClasses = document.getElementById("legend-classes");
  var legendClaims = document.getElementById("legend-claims");
  data.classes.forEach(function (c) {
    (c.kind === "claim" ? legendClaims : legendClasses).appendChild(legendRow(c));
  });
  if (!legendClaims.children.length) legendClaims.appendChild(el("div", "legend-empty", "No claims drawn"));
  if (!legendClasses.children.length) legendClasses.appendChild(el("div", "legend-empty", "No entities drawn"));

  docFilter.addEventListener("change", applyFilters);
  document.getElementById("show-all").addEventListener("click", function () {
    Array.prototype.forEach.call(document.querySelectorAll("#legend input[type=checkbox]"), function (box) {
      box.checked = true;
    });
    data.classes.forEach(function (c) { enabledClass[c.name] = true; });
    docFilter.value = "";
    applyFilters();
  });
  document.getElementById("fit").addEventListener("click", function () { network.fit(); });

  // ------------------------------------------------------------ side panel
  var panelEmpty = document.getElementById("panel-empty");
  var panelBody = document.getElementById("panel-body");

  function sentenceItem(source) {
    // source: [document index, anchors joined by "\n", sentence]
    var li = el("li");
    var sentence = String(source[2]);
    var anchors = source[1] ? String(source[1]).split("\n") : [];
    var quote = el("span", "source-text");
    var at = 0;
    var lower = sentence.toLowerCase();
    // Highlight the first occurrence of each anchor, in order, as text nodes.
    var spans = [];
    anchors.forEach(function (a) {
      if (!a) return;
      var i = lower.indexOf(a.toLowerCase());
      if (i >= 0) spans.push([i, i + a.length]);
    });
    spans.sort(function (x, y) { return x[0] - y[0]; });
    spans.forEach(function (s) {
      if (s[0] < at) return;
      quote.appendChild(document.createTextNode(sentence.slice(at, s[0])));
      quote.appendChild(el("mark", null, sentence.slice(s[0], s[1])));
      at = s[1];
    });
    quote.appendChild(document.createTextNode(sentence.slice(at)));
    li.appendChild(quote);
    var doc = source[0] >= 0 ? docNames[source[0]] : "(no document)";
    li.appendChild(el("span", "source-doc", doc));
    return li;
  }

  function linkItem(arrow, prop, otherId) {
    var li = el("li");
    var other = byId[otherId];
    li.appendChild(el("span", "link-prop", arrow === "out" ? prop + " → " : "← " + prop + " "));
    var button = el("button", "link-node", other ? details[otherId].label : otherId);
    button.type = "button";
    button.addEventListener("click", function () { focusNode(otherId); });
    li.appendChild(button);
    return li;
  }

  // Why a claim has its class and claimant: the rule, the words it fired on, the confidence.
  function showWhy(d) {
    var box = document.getElementById("panel-why");
    var list = document.getElementById("panel-why-list");
    list.textContent = "";
    var rows = d ? (d.why || []).slice() : [];
    if (d && d.confidence) rows.push(["Confidence", String(d.confidence), ""]);
    box.hidden = rows.length === 0;
    rows.forEach(function (row) {
      list.appendChild(el("dt", null, String(row[0])));
      var dd = el("dd", null, String(row[1]));
      if (row[2]) {
        dd.appendChild(document.createTextNode(": "));
        dd.appendChild(el("q", "why-words", String(row[2])));
      }
      list.appendChild(dd);
    });
  }

  function showDetails(id) {
    if (id === null || !details[id]) {
      panelBody.hidden = true;
      panelEmpty.hidden = false;
      return;
    }
    var d = details[id];
    var n = byId[id];
    panelEmpty.hidden = true;
    panelBody.hidden = false;
    var cls = document.getElementById("panel-class");
    cls.textContent = n.kind === "claim" ? "Claim · " + n.cls : n.cls;
    cls.style.color = n.color;
    document.getElementById("panel-label").textContent = d.label;
    document.getElementById("panel-alt").textContent = d.alt.length ? "Also: " + d.alt.join("; ") : "";
    document.getElementById("panel-iri").textContent = id;
    var text = document.getElementById("panel-text");
    text.hidden = !(n.kind === "claim" && d.text);
    text.textContent = d.text || "";
    showWhy(n.kind === "claim" ? d : null);

    var list = document.getElementById("panel-sources");
    list.textContent = "";
    d.sources.forEach(function (s) { list.appendChild(sentenceItem(s)); });
    var heading = n.kind === "claim" ? "Stated in" : "Sentences";
    document.getElementById("panel-sources-heading").textContent =
      heading + " (" + d.sources.length + (n.kind === "entity" ? ", " + d.mentions + " mentions" : "") + ")";

    var links = document.getElementById("panel-links");
    links.textContent = "";
    var connected = edges.get({
      filter: function (e) { return e.from === id || e.to === id; }
    });
    connected.forEach(function (e) {
      links.appendChild(e.from === id ? linkItem("out", e.label, e.to) : linkItem("in", e.label, e.from));
    });
    document.getElementById("panel-links-heading").textContent = "Connections (" + connected.length + ")";
  }

  network.on("selectNode", function (params) { showDetails(params.nodes[0]); });
  network.on("deselectNode", function (params) {
    if (!params.nodes.length) showDetails(null);
  });

  function focusNode(id) {
    var n = byId[id];
    if (!n) return false;
    if (n.hidden) {
      // Bring it back: switch its class on and drop the document filter.
      enabledClass[n.cls] = true;
      var box = document.querySelector('#legend input[data-class="' + n.cls + '"]');
      if (box) box.checked = true;
      if (docFilter.value !== "" && n.docs.indexOf(Number(docFilter.value)) < 0) docFilter.value = "";
      applyFilters();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showDetails(id);
    return true;
  }

  // ---------------------------------------------------------------- search
  var search = document.getElementById("search");
  var searchStatus = document.getElementById("search-status");
  var datalist = document.getElementById("search-names");
  var names = [];
  data.nodes.forEach(function (n) {
    var d = details[n.id];
    [d.label].concat(d.alt).forEach(function (name, i) {
      names.push({ key: name.toLowerCase(), name: name, id: n.id, alt: i > 0 });
    });
  });
  var seen = {};
  names.slice().sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; }).forEach(function (x) {
    if (seen[x.name] || x.name.length > 120) return;
    seen[x.name] = true;
    var option = document.createElement("option");
    option.value = x.name;
    datalist.appendChild(option);
  });

  function findMatches(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var ranked = [];
    names.forEach(function (x) {
      var rank = x.key === q ? (x.alt ? 1 : 0) : x.key.indexOf(q) === 0 ? 2 : x.key.indexOf(q) > 0 ? 3 : -1;
      if (rank >= 0) ranked.push([rank, x.key.length, x.id]);
    });
    ranked.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0); });
    var out = [];
    var used = {};
    ranked.forEach(function (r) {
      if (!used[r[2]]) { used[r[2]] = true; out.push(r[2]); }
    });
    return out;
  }

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
    if (event.key === "Enter") {
      event.preventDefault();
      runSearch(true);
    }
  });
  search.addEventListener("change", function () { runSearch(false); });

  applyFilters();
  window.tipgraph = {
    network: network,
    nodes: nodes,
    edges: edges,
    data: data,
    focusNode: focusNode,
    showDetails: showDetails,
    findMatches: findMatches
  };
})();
