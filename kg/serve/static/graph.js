// The neighbourhood graph: vis-network, filled from /api/neighbours, expanded on click.
"use strict";
(function () {
  const box = document.getElementById("network");
  const status = document.getElementById("status");
  // colours and shapes per type and relation: the page's table (ontology/display.tsv)
  const styles = JSON.parse(box.dataset.styles);
  function style(name) { return styles[name] || { color: "#999", shape: "dot" }; }
  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  const expanded = new Set();
  const network = new vis.Network(box, { nodes: nodes, edges: edges }, {
    nodes: { font: { size: 14 } },
    edges: { arrows: "to", font: { size: 10, align: "middle" }, color: { color: "#999" } },
    physics: { stabilization: { iterations: 150 } },
    interaction: { hover: true },
  });

  function say(text) { status.textContent = text; }
  // the layout settles after each change: box.dataset.stable says when it has
  network.on("startStabilizing", function () { box.dataset.stable = "false"; });
  network.on("stabilized", function () {
    network.fit({ animation: false });  // every node inside the frame
    box.dataset.stable = "true";
  });

  function add(data) {
    for (const n of data.nodes) {
      if (!nodes.get(n.id)) {
        nodes.add({
          id: n.id, label: n.label, title: n.label + " · " + n.group,
          color: style(n.group).color, shape: style(n.group).shape,
          size: 8 + Math.min(20, Math.sqrt(n.degree) * 3),
        });
      }
    }
    for (const e of data.edges) {
      if (!edges.get(e.id)) {
        edges.add({
          id: e.id, from: e.from, to: e.to, label: style(e.label).zh || e.label, title: e.label,
          color: { color: style(e.label).color },
        });
      }
    }
  }

  function expand(iri) {
    if (expanded.has(iri)) { return; }
    expanded.add(iri);
    say("…");
    fetch("/api/neighbours?iri=" + encodeURIComponent(iri))
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) {
        add(data);
        say(nodes.length + " nodes, " + edges.length + " edges" +
            (data.more ? " · " + data.more + " more neighbours not shown" : ""));
      })
      .catch(function (err) { say("cannot load neighbours: " + err.message); });
  }

  network.on("click", function (params) { if (params.nodes.length) { expand(params.nodes[0]); } });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) { window.location.href = "/entity?iri=" + encodeURIComponent(params.nodes[0]); }
  });
  window.kgNetwork = { network: network, nodes: nodes, edges: edges, expand: expand };
  expand(box.dataset.iri);
})();
