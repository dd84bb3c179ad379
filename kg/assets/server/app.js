/* The kg query page. Uses the vendored YASGUI when it loaded, else a plain editor and table.
   Everything is fetched from this server: no CDN, no remote autocompletion. */
(function () {
  "use strict";
  var cfg = window.KG_CONFIG || {};
  var endpoint = new URL("sparql", window.location.href).toString();
  var yasgui = null;

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function startYasgui() {
    if (!window.Yasgui) return null;
    try {
      var Y = window.Yasgui;
      // Only the offline autocompleters: "class" and "property" ask a remote vocabulary service.
      Y.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
      Y.Yasqe.defaults.value = cfg.defaultQuery || "";
      Y.Yasqe.defaults.prefixCcApi = null;
      return new Y($("yasgui"), {
        requestConfig: {
          endpoint: endpoint,
          method: "POST",
          acceptHeaderSelect: "application/sparql-results+json,*/*;q=0.9",
          acceptHeaderGraph: "text/turtle,*/*;q=0.9"
        },
        endpointCatalogueOptions: {
          getData: function () { return [{ endpoint: endpoint }]; },
          keys: []
        },
        copyEndpointOnNewTab: true,
        persistenceId: "kg-yasgui",
        populateFromUrl: false,
        autofocus: true
      });
    } catch (err) {
      if (window.console) console.error("YASGUI failed, using the plain editor", err);
      $("yasgui").textContent = "";
      return null;
    }
  }

  function currentQuery() {
    if (yasgui) return yasgui.getTab().getQuery();
    return $("plain-query").value;
  }

  function showQuery(text, run) {
    if (yasgui) {
      var tab = yasgui.getTab();
      tab.setEndpoint(endpoint);
      tab.setQuery(text);
      if (run) tab.query();
      return;
    }
    $("plain-query").value = text;
    if (run) runPlain();
  }

  /* ---- the plain editor (no YASGUI) ---- */

  function cell(term) {
    var td = el("td");
    if (!term) return td;
    td.className = term.type;
    if (term.type === "bnode") { td.textContent = "_:" + term.value; return td; }
    td.appendChild(document.createTextNode(term.value));
    var extra = term["xml:lang"] ? "@" + term["xml:lang"] : (term.datatype ? " ^^" + term.datatype.replace(/^.*[#\/]/, "xsd:") : "");
    if (extra) td.appendChild(el("span", { "class": "dt" }, " " + extra));
    return td;
  }

  function renderJson(data, out) {
    if (typeof data.boolean === "boolean") { out.appendChild(el("p", {}, "ASK: " + data.boolean)); return; }
    var vars = data.head.vars, rows = data.results.bindings;
    var table = el("table", { "class": "results" });
    var head = el("tr");
    vars.forEach(function (v) { head.appendChild(el("th", {}, "?" + v)); });
    table.appendChild(head);
    rows.forEach(function (b) {
      var tr = el("tr");
      vars.forEach(function (v) { tr.appendChild(cell(b[v])); });
      table.appendChild(tr);
    });
    out.appendChild(el("p", { "class": "muted" }, rows.length + " row" + (rows.length === 1 ? "" : "s")));
    out.appendChild(table);
  }

  function runPlain() {
    var out = $("plain-results"), status = $("plain-status");
    out.textContent = "";
    status.textContent = "running…";
    var started = Date.now();
    fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded",
                 "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
      body: "query=" + encodeURIComponent(currentQuery())
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      return response.text().then(function (body) {
        status.textContent = response.status + " · " + (Date.now() - started) + " ms";
        if (!response.ok) { out.appendChild(el("pre", { "class": "error" }, body)); return; }
        if (type.indexOf("json") >= 0) renderJson(JSON.parse(body), out);
        else out.appendChild(el("pre", { "class": "graph" }, body));
      });
    }).catch(function (err) { status.textContent = "failed: " + err; });
  }

  function startPlain() {
    $("plain").hidden = false;
    $("plain-query").value = cfg.defaultQuery || "";
    $("plain-run").addEventListener("click", runPlain);
    $("plain-query").addEventListener("keydown", function (e) {
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter") runPlain();
    });
  }

  /* ---- examples, stats, graph link ---- */

  function loadExamples() {
    fetch("examples").then(function (r) { return r.json(); }).then(function (items) {
      var list = $("examples");
      list.textContent = "";
      if (!items.length) { list.appendChild(el("li", { "class": "muted" }, "none found")); return; }
      items.forEach(function (item) {
        var button = el("button", { type: "button", title: "Load and run " + item.name });
        button.appendChild(document.createTextNode(item.title));
        button.appendChild(el("span", { "class": "file" }, item.name));
        button.addEventListener("click", function () { showQuery(item.query, true); });
        var li = el("li");
        li.appendChild(button);
        list.appendChild(li);
      });
    }).catch(function () { $("examples").textContent = "could not load the examples"; });
  }

  function loadStats() {
    fetch("stats").then(function (r) { return r.json(); }).then(function (s) {
      $("stats").textContent = s.triples.toLocaleString() + " triples · " +
        s.documents.toLocaleString() + " documents" + (s.allow_update ? " · updates on" : "");
    }).catch(function () {});
  }

  yasgui = startYasgui();
  if (!yasgui) startPlain();
  loadExamples();
  loadStats();
  $("as-graph").addEventListener("click", function () {
    window.open("graph?query=" + encodeURIComponent(currentQuery()), "_blank");
  });
})();
