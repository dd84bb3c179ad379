/* kg viz: the page's behaviour.
 *
 * Security: every string that comes from the graph (labels, aliases, sentences, titles,
 * IRIs) is hostile article data. It is only ever inserted with textContent / setAttribute on
 * elements made here, never with innerHTML. Links are built only from validated values.
 */
(function () {
  "use strict";

  function mark(name) { if (window.performance && performance.mark) performance.mark(name); }
  mark("kg-start");
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  mark("kg-parsed");
  var container = document.getElementById("kg-network");
  var panel = document.getElementById("kg-panel");
  var loading = document.getElementById("kg-loading");

  /* ------------------------------------------------------------------ data */
  var DOCS = DATA.documents || [];
  var nodeById = Object.create(null);
  DATA.nodes.forEach(function (n) {
    nodeById[n.id] = n;
    n.title = n.label + "\n" + n.kgType;  // vis-network shows string tooltips as text
  });
  DATA.edges.forEach(function (e) {
    var from = nodeById[e.from], to = nodeById[e.to], count = (e.kgEvidence || []).length;
    e.title = (from ? from.label : e.from) + " \u2014 " + e.label + " \u2192 " +
      (to ? to.label : e.to) + (e.kgInferred ? " (inferred)" : "") + "\n" +
      count + " evidence sentence" + (count === 1 ? "" : "s");
  });
  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var typeOn = Object.create(null);
  var propOn = Object.create(null);
  var typeStyle = Object.create(null);
  DATA.types.forEach(function (t) { typeOn[t.name] = true; typeStyle[t.name] = t; });
  DATA.properties.forEach(function (p) { propOn[p.name] = true; });
  var showInferred = true;

  var edgesOf = Object.create(null);
  DATA.edges.forEach(function (e) {
    (edgesOf[e.from] = edgesOf[e.from] || []).push(e);
    if (e.to !== e.from) (edgesOf[e.to] = edgesOf[e.to] || []).push(e);
  });

  function nodeVisible(n) { return !!n && typeOn[n.kgType] === true; }
  function edgeVisible(e) {
    return propOn[e.kgProperty] === true && (showInferred || !e.kgInferred) &&
      nodeVisible(nodeById[e.from]) && nodeVisible(nodeById[e.to]);
  }
  var nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  var edgeView = new vis.DataView(edges, { filter: edgeVisible });

  /* ------------------------------------------------------------------ DOM helpers */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") node.textContent = attrs[k];
        else if (k === "className") node.className = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  var SVG = "http://www.w3.org/2000/svg";
  var SHAPES = {
    dot: null,
    square: "3,3 15,3 15,15 3,15",
    diamond: "9,1 17,9 9,17 1,9",
    triangle: "9,2 16.5,15 1.5,15",
    triangleDown: "1.5,3 16.5,3 9,16",
    star: "9,1 11.1,6.2 16.6,6.5 12.3,10 13.8,15.4 9,12.4 4.2,15.4 5.7,10 1.4,6.5 6.9,6.2",
    hexagon: "9,1 16,5 16,13 9,17 2,13 2,5"
  };
  function shapeIcon(shape, colour) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "18");
    svg.setAttribute("height", "18");
    svg.setAttribute("viewBox", "0 0 18 18");
    svg.setAttribute("class", "kg-icon");
    svg.setAttribute("aria-hidden", "true");
    var shapeEl;
    if (!SHAPES[shape]) {
      shapeEl = document.createElementNS(SVG, "circle");
      shapeEl.setAttribute("cx", "9");
      shapeEl.setAttribute("cy", "9");
      shapeEl.setAttribute("r", "7");
    } else {
      shapeEl = document.createElementNS(SVG, "polygon");
      shapeEl.setAttribute("points", SHAPES[shape]);
    }
    shapeEl.setAttribute("fill", /^#[0-9a-f]{6}$/i.test(colour) ? colour : "#999999");
    shapeEl.setAttribute("stroke", "rgba(0,0,0,.35)");
    shapeEl.setAttribute("stroke-width", "1");
    svg.appendChild(shapeEl);
    return svg;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  /* ------------------------------------------------------------------ network */
  var options = DATA.options;
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  mark("kg-network");
  window.kgNetwork = network;
  window.kgData = { nodes: nodes, edges: edges };
  window.kgReady = false;

  function updateStats() {
    var shown = nodeView.length, shownEdges = edgeView.length;
    var text = plural(nodes.length, "entity").replace("entitys", "entities") + " \u00b7 " +
      plural(edges.length, "fact");
    if (shown !== nodes.length || shownEdges !== edges.length) {
      text += " (" + shown + " / " + shownEdges + " shown)";
    }
    if (DATA.total) {
      text += " \u00b7 neighbourhood of a graph of " + DATA.total.nodes + " entities";
    }
    document.getElementById("kg-stats").textContent = text;
  }

  /* ------------------------------------------------------------------ panel */
  function nodeName(id, self) {
    var n = nodeById[id];
    var b = el("button", { type: "button", className: "kg-link" + (self ? " kg-self" : ""),
                           text: n ? n.label : id });
    b.addEventListener("click", function (ev) { ev.stopPropagation(); focusNode(id); });
    return b;
  }

  function showNode(id) {
    var n = nodeById[id];
    if (!n) return;
    clear(panel);
    var style = typeStyle[n.kgType] || {};
    panel.appendChild(el("h2", { text: n.label, id: "kg-panel-title" }));
    panel.appendChild(el("span", { className: "kg-badge", id: "kg-panel-type" },
                         [shapeIcon(style.shape, style.color), el("span", { text: n.kgType })]));
    var dl = el("dl", { className: "kg-dl" });
    if (n.kgAliases && n.kgAliases.length) {
      dl.appendChild(el("dt", { text: "Also called" }));
      dl.appendChild(el("dd", { id: "kg-panel-aliases", text: n.kgAliases.join(" \u00b7 ") }));
    }
    if (n.kgWikidata) {
      dl.appendChild(el("dt", { text: "Wikidata" }));
      var dd = el("dd");
      if (/^Q[0-9]+$/.test(n.kgWikidata)) {
        dd.appendChild(el("a", { href: "https://www.wikidata.org/wiki/" + n.kgWikidata,
                                 target: "_blank", rel: "noopener noreferrer",
                                 id: "kg-panel-wikidata", text: n.kgWikidata }));
      } else {
        dd.textContent = n.kgWikidata;
      }
      dl.appendChild(dd);
    }
    if (dl.firstChild) panel.appendChild(dl);

    var literals = n.kgLiterals || [];  // literal facts: values of this node, not other nodes
    if (literals.length) {
      panel.appendChild(el("h3", { text: "Details (" + literals.length + ")" }));
      var details = el("ul", { className: "kg-facts kg-literals", id: "kg-panel-literals" });
      literals.forEach(function (lit, index) {
        var li = el("li", { title: "Show the evidence" }, [
          el("span", { className: "kg-n", text: String((lit.evidence || []).length) }),
          el("span", { className: "kg-prop", text: lit.label }), " ",
          el("span", { className: "kg-value", text: lit.value })
        ]);
        li.addEventListener("click", function () { showLiteral(id, index); });
        details.appendChild(li);
      });
      panel.appendChild(details);
    }

    var facts = (edgesOf[id] || []).slice().sort(function (a, b) {
      var ao = a.from === id ? 0 : 1, bo = b.from === id ? 0 : 1;
      if (ao !== bo) return ao - bo;
      return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
    });
    panel.appendChild(el("h3", { text: "Facts (" + facts.length + ")" }));
    var list = el("ul", { className: "kg-facts", id: "kg-panel-facts" });
    facts.forEach(function (e) {
      var li = el("li", { "data-edge": e.id, title: "Show the evidence" }, [
        nodeName(e.from, e.from === id), " ",
        el("span", { className: "kg-prop", text: e.label }), " ",
        nodeName(e.to, e.to === id)
      ]);
      if (e.kgInferred) li.appendChild(el("span", { className: "kg-badge kg-inferred", text: "inferred" }));
      li.insertBefore(el("span", { className: "kg-n", text: String((e.kgEvidence || []).length) }), li.firstChild);
      li.addEventListener("click", function () { selectEdge(e.id); });
      list.appendChild(li);
    });
    panel.appendChild(list);
    panel.appendChild(el("p", { className: "kg-iri", text: n.kgIri || n.id }));
  }

  function showEdge(id) {
    var e = edges.get(id);
    if (!e) return;
    clear(panel);
    panel.appendChild(el("div", { className: "kg-edge-head", id: "kg-panel-title" }, [
      nodeName(e.from, false), el("span", { className: "kg-prop", text: e.label + " \u2192" }),
      nodeName(e.to, false)
    ]));
    if (e.kgInferred) {
      panel.appendChild(el("span", { className: "kg-badge kg-inferred",
                                     text: "inferred by reasoning, not stated in a source" }));
      if (e.kgRule) panel.appendChild(el("p", { className: "kg-meta", id: "kg-panel-rule", text: e.kgRule }));
    }
    showEvidence(e.kgEvidence || []);
  }

  function showLiteral(id, index) {
    var n = nodeById[id], lit = n && (n.kgLiterals || [])[index];
    if (!lit) return;
    clear(panel);
    panel.appendChild(el("div", { className: "kg-edge-head", id: "kg-panel-title" }, [
      nodeName(id, false), el("span", { className: "kg-prop", text: lit.label + ":" }),
      el("span", { className: "kg-value", text: lit.value })
    ]));
    showEvidence(lit.evidence || []);
  }

  function showEvidence(ev) {
    panel.appendChild(el("h3", { text: "Evidence (" + ev.length + ")" }));
    if (!ev.length) {
      panel.appendChild(el("p", { className: "kg-hint", text: "No source sentence is recorded for this fact." }));
      return;
    }
    var list = el("ul", { className: "kg-evidence", id: "kg-panel-evidence" });
    ev.forEach(function (x) {
      var doc = DOCS[x.doc] || {};
      var meta = [];
      if (doc.title) meta.push(doc.title);
      if (doc.source && doc.source !== doc.title) meta.push(doc.source);
      var numbers = [];
      if (typeof x.confidence === "number") numbers.push("confidence " + x.confidence.toFixed(2));
      if (x.status) numbers.push(x.status);
      var li = el("li", { className: x.status === "hedged" ? "kg-hedged" : "" }, [
        el("blockquote", { text: x.sentence || "" }),
        el("div", { className: "kg-meta kg-doc", text: meta.join(" \u2014 ") || (doc.iri || "") }),
        el("div", { className: "kg-meta", text: numbers.join(" \u00b7 ") })
      ]);
      list.appendChild(li);
    });
    panel.appendChild(list);
  }

  function showHint() {
    clear(panel);
    panel.appendChild(el("p", { className: "kg-hint",
      text: "Click an entity or a relation to see its details and the sentences that state it." }));
  }

  /* ------------------------------------------------------------------ selection */
  function ensureVisible(id) {
    var n = nodeById[id];
    if (n && !typeOn[n.kgType]) {
      typeOn[n.kgType] = true;
      var box = document.querySelector('#kg-types input[data-index="' + typeIndex[n.kgType] + '"]');
      if (box) box.checked = true;
      refreshViews();
    }
  }

  function focusNode(id, animate) {
    if (!nodeById[id]) return;
    ensureVisible(id);
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0),
                        animation: animate === false ? false : { duration: 450, easingFunction: "easeInOutQuad" } });
    showNode(id);
  }

  function selectEdge(id) {
    var e = edges.get(id);
    if (!e) return;
    if (edgeView.get(id)) network.setSelection({ nodes: [], edges: [id] }, { unselectAll: true, highlightEdges: false });
    showEdge(id);
  }

  network.on("click", function (params) {
    if (params.nodes && params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges && params.edges.length) showEdge(params.edges[0]);
    else showHint();
  });

  /* ------------------------------------------------------------------ filters */
  var typeIndex = Object.create(null);
  function refreshViews() {
    // Keep the laid-out positions of the nodes a filter hides, so they come back in place.
    // (network.storePositions() fails once the view hides nodes: it reads every id.)
    var pos = network.getPositions();
    nodes.update(Object.keys(pos).map(function (id) { return { id: id, x: pos[id].x, y: pos[id].y }; }));
    nodeView.refresh();
    edgeView.refresh();
    updateStats();
  }

  function checkbox(list, index, colourIcon, name, title, count, onChange) {
    var input = el("input", { type: "checkbox", "data-index": String(index) });
    input.checked = true;
    input.addEventListener("change", function () { onChange(input.checked); });
    var label = el("label", { title: title }, [input]);
    if (colourIcon) label.appendChild(colourIcon);
    label.appendChild(el("span", { className: "kg-name", text: name }));
    label.appendChild(el("span", { className: "kg-count", text: String(count) }));
    list.appendChild(el("li", null, [label]));
  }

  var typeList = document.getElementById("kg-types");
  DATA.types.forEach(function (t, i) {
    typeIndex[t.name] = i;
    checkbox(typeList, i, shapeIcon(t.shape, t.color), t.name, t.name, t.count, function (on) {
      typeOn[t.name] = on;
      refreshViews();
    });
  });
  var propList = document.getElementById("kg-props");
  DATA.properties.forEach(function (p, i) {
    checkbox(propList, i, null, p.label, p.name, p.count, function (on) {
      propOn[p.name] = on;
      refreshViews();
    });
  });
  document.getElementById("kg-show-inferred").addEventListener("change", function (ev) {
    showInferred = ev.target.checked;
    refreshViews();
  });
  document.getElementById("kg-fit").addEventListener("click", function () {
    fitWithLabels(null, { duration: 400, easingFunction: "easeInOutQuad" });
  });

  /* ------------------------------------------------------------------ search */
  var search = document.getElementById("kg-search");
  var suggest = document.getElementById("kg-suggest");
  var matches = [];
  var active = 0;
  var searchIndex = DATA.nodes.map(function (n) {
    return { id: n.id, names: [n.label].concat(n.kgAliases || []).map(function (s) { return String(s).toLowerCase(); }) };
  });

  function findMatches(text) {
    var q = text.trim().toLowerCase();
    if (!q) return [];
    var exact = [], prefix = [], inside = [];
    for (var i = 0; i < searchIndex.length; i++) {
      var item = searchIndex[i], best = 3;
      for (var j = 0; j < item.names.length; j++) {
        var name = item.names[j];
        if (name === q) { best = 0; break; }
        if (name.indexOf(q) === 0) best = Math.min(best, 1);
        else if (name.indexOf(q) > 0) best = Math.min(best, 2);
      }
      if (best === 0) exact.push(item.id);
      else if (best === 1) prefix.push(item.id);
      else if (best === 2) inside.push(item.id);
      if (exact.length + prefix.length >= 50) break;
    }
    var byLabel = function (a, b) {
      var la = nodeById[a].label.length, lb = nodeById[b].label.length;
      return la - lb;
    };
    prefix.sort(byLabel);
    inside.sort(byLabel);
    return exact.concat(prefix, inside).slice(0, 12);
  }

  function renderSuggestions() {
    clear(suggest);
    matches.forEach(function (id, i) {
      var n = nodeById[id];
      var style = typeStyle[n.kgType] || {};
      var li = el("li", { role: "option", "aria-selected": i === active ? "true" : "false" },
                  [shapeIcon(style.shape, style.color), el("span", { text: n.label }),
                   el("span", { className: "kg-sub", text: n.kgType })]);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(id); });
      suggest.appendChild(li);
    });
    suggest.hidden = matches.length === 0;
  }

  function choose(id) {
    suggest.hidden = true;
    search.value = nodeById[id].label;
    focusNode(id);
  }

  search.addEventListener("input", function () {
    matches = findMatches(search.value);
    active = 0;
    renderSuggestions();
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!matches.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length;
      renderSuggestions();
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      if (!matches.length) matches = findMatches(search.value);
      if (matches.length) choose(matches[Math.min(active, matches.length - 1)]);
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      suggest.hidden = true;
    }
  });
  search.addEventListener("blur", function () { suggest.hidden = true; });

  /* ------------------------------------------------------------------ settle */
  // Entities with no fact sit on a ring around the rest (vis-network's gravity would
  // otherwise drop them onto the middle of the graph). Python does this for large graphs.
  function placeLonely() {
    var lonely = [], linked = [];
    DATA.nodes.forEach(function (n) { (n.kgLonely ? lonely : linked).push(n.id); });
    if (!lonely.length) return;
    var pos = network.getPositions(linked), ids = Object.keys(pos);
    var cx = 0, cy = 0, reach = 0;
    ids.forEach(function (id) { cx += pos[id].x / ids.length; cy += pos[id].y / ids.length; });
    ids.forEach(function (id) { reach = Math.max(reach, Math.hypot(pos[id].x - cx, pos[id].y - cy)); });
    var inner = ids.length ? reach + 90 : 0;
    var outer = Math.sqrt(inner * inner + lonely.length * 110 * 110 / Math.PI);
    var golden = Math.PI * (3 - Math.sqrt(5));
    lonely.forEach(function (id, k) {
      var r = Math.sqrt(inner * inner + (outer * outer - inner * inner) * (k + 0.5) / lonely.length);
      var a = (k + 0.5) * golden - Math.PI / 2;
      network.moveNode(id, cx + r * Math.cos(a), cy + r * Math.sin(a));
    });
  }

  // network.fit() bounds the nodes, not their labels, so long names end up cut at the edge.
  function fitWithLabels(ids, animation) {
    ids = ids || nodeView.getIds();
    if (!ids.length) return;
    if (ids.length > LARGE) {
      network.fit({ nodes: ids, animation: animation || false });
      return;
    }
    var box = null;
    ids.forEach(function (id) {
      var b = network.getBoundingBox(id);
      if (!b) return;
      if (!box) box = { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
      box.left = Math.min(box.left, b.left);
      box.right = Math.max(box.right, b.right);
      box.top = Math.min(box.top, b.top);
      box.bottom = Math.max(box.bottom, b.bottom);
    });
    if (!box) return;
    var pad = 24, width = container.clientWidth, height = container.clientHeight;
    var scale = Math.min((width - 2 * pad) / Math.max(box.right - box.left, 1),
                         (height - 2 * pad) / Math.max(box.bottom - box.top, 1), 1.5);
    network.moveTo({ position: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 },
                     scale: scale, animation: animation || false });
  }

  var LARGE = 2000;
  var settled = false;
  function settle() {
    if (settled) return;
    settled = true;
    mark("kg-stabilized");
    if (DATA.physics) network.setOptions({ physics: { enabled: false } });
    placeLonely();
    var pathNodes = DATA.path && DATA.path.nodes.length ? DATA.path.nodes : null;
    if (pathNodes) document.getElementById("kg-path-key").hidden = false;
    var fitOptions = { animation: false, maxZoomLevel: 1.5 };
    if (pathNodes) fitOptions.nodes = pathNodes;
    network.fit(fitOptions);
    if (DATA.focus && nodeById[DATA.focus]) {
      network.selectNodes([DATA.focus]);
      showNode(DATA.focus);
    }
    function ready() {
      loading.hidden = true;
      mark("kg-ready");
      window.kgReady = true;
      document.body.setAttribute("data-kg-ready", "true");
    }
    // Labels are measured when drawn: fit once more, labels included, after the first draw
    // (not worth a second full draw on large graphs, whose labels are hidden at that zoom).
    network.once("afterDrawing", function () {
      if ((pathNodes || DATA.nodes).length > LARGE) return ready();
      fitWithLabels(pathNodes);
      network.once("afterDrawing", ready);
      network.redraw();
    });
    network.redraw();
  }

  updateStats();
  if (DATA.physics && DATA.nodes.length > 0) {
    network.on("stabilizationProgress", function (p) {
      loading.textContent = "Laying out the graph\u2026 " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", settle);
  } else {
    settle();
  }
})();
