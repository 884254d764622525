// graph.js: the actor graph (Cytoscape.js on a canvas) and its side panel.
import cytoscape from '../vendor/cytoscape.esm.min.mjs';
import { h, fill, get, win, onWindow, blocColor, blocDot, signChip, actorLink, evidenceLink, showError, windowSlider, info, qs } from './lib.js';

const maxEdgesShown = 600; // more relations than this: the weakest are hidden

/** layoutFor picks a layout readable at the graph's size: force-directed (cose) up to 250
 * actors, starting from positions grouped by bloc so that the picture does not change from
 * one load to the next; above that, rings (preset positions from ringPositions). */
function layoutFor(n) {
  if (n <= 250) {
    return { name: 'cose', animate: false, randomize: false, fit: true, padding: 30, nodeRepulsion: () => 60000, componentSpacing: 60, nodeOverlap: 20,
      idealEdgeLength: () => 110, edgeElasticity: () => 100, gravity: 0.25, numIter: n > 80 ? 250 : 600, coolingFactor: 0.95, nodeDimensionsIncludeLabels: n <= 80 };
  }
  return { name: 'preset', fit: true, padding: 20 };
}

/** seedPositions places actors on a circle, grouped by bloc, as a deterministic start. */
function seedPositions(nodes) {
  const sorted = [...nodes].sort((a, b) => (a.bloc - b.bloc) || (b.prominence - a.prominence) || (a.id < b.id ? -1 : 1));
  const r = 40 + sorted.length * 6;
  const pos = {};
  sorted.forEach((n, i) => {
    const t = (2 * Math.PI * i) / Math.max(1, sorted.length);
    pos[n.id] = { x: r * Math.cos(t), y: r * Math.sin(t) };
  });
  return pos;
}

/** ringPositions places many actors on concentric rings, the most prominent innermost; on
 * each ring actors are ordered by bloc, so blocs form sectors. */
function ringPositions(nodes) {
  const byProm = [...nodes].sort((a, b) => (b.prominence - a.prominence) || (a.id < b.id ? -1 : 1));
  const pos = {};
  const spacing = 34, gap = 60;
  let i = 0;
  for (let k = 0; i < byProm.length; k++) {
    const r = k === 0 ? 0 : 40 + k * gap;
    const cap = k === 0 ? 1 : Math.floor((2 * Math.PI * r) / spacing);
    const ring = byProm.slice(i, i + cap).sort((a, b) => (a.bloc - b.bloc) || (b.prominence - a.prominence));
    ring.forEach((n, j) => {
      const t = (2 * Math.PI * j) / ring.length + k * 0.35;
      pos[n.id] = { x: r * Math.cos(t), y: r * Math.sin(t) };
    });
    i += cap;
  }
  return pos;
}

function edgeColor(e) { return e.ambivalent && Math.min(e.pos, e.neg) > 0.25 * Math.max(e.pos, e.neg) ? '#e39b17' : e.sign > 0 ? '#2a9d5c' : e.sign < 0 ? '#d1372a' : '#999'; }

/** Graph is a Cytoscape graph of /api/network in a container. */
export class Graph {
  constructor(container, { onNode, onEdge, onBackground } = {}) {
    this.container = container;
    this.handlers = { onNode, onEdge, onBackground };
    this.data = null;
    this.cy = null;
  }

  /** load fetches the graph for params and draws it; it resolves with the response. */
  async load(params) {
    const seq = (this.seq = (this.seq || 0) + 1);
    const t0 = performance.now();
    const data = await get('network', params);
    if (seq !== this.seq) return null; // a newer load started
    const t1 = performance.now();
    let edges = data.edges;
    let hidden = 0, cut = 0;
    if (edges.length > maxEdgesShown) {
      const ws = edges.map((e) => Math.abs(e.weight) + (e.ambivalent ? Math.min(e.pos, e.neg) : 0)).sort((a, b) => b - a);
      cut = ws[maxEdgesShown - 1];
      const kept = edges.filter((e) => Math.abs(e.weight) + (e.ambivalent ? Math.min(e.pos, e.neg) : 0) >= cut).slice(0, maxEdgesShown);
      hidden = edges.length - kept.length;
      edges = kept;
    }
    data.shownEdges = edges; data.hiddenEdges = hidden; data.cut = cut;
    this.data = data;
    this.draw(data);
    data.ms = Math.round(performance.now() - t0);
    data.fetchMs = Math.round(t1 - t0);
    data.drawMs = Math.round(performance.now() - t1);
    return data;
  }

  draw(data) {
    const proms = data.nodes.map((n) => n.prominence);
    const pmax = Math.max(1, ...proms), pmin = Math.min(0, ...proms);
    const wmax = Math.max(0.001, ...data.shownEdges.map((e) => Math.max(Math.abs(e.weight), e.pos, e.neg)));
    const pos = data.nodes.length > 250 ? ringPositions(data.nodes) : seedPositions(data.nodes);
    const els = [];
    for (const n of data.nodes) {
      const size = 14 + 46 * Math.sqrt((n.prominence - pmin) / (pmax - pmin || 1));
      els.push({ group: 'nodes', data: { id: n.id, label: n.label, bloc: n.bloc, prominence: n.prominence, color: blocColor(n.bloc), size, font: Math.round(10 + size * 0.3), type: n.type }, position: pos[n.id] });
    }
    data.shownEdges.forEach((e, i) => {
      const w = Math.max(Math.abs(e.weight), e.ambivalent ? Math.min(e.pos, e.neg) : 0);
      els.push({ group: 'edges', data: { id: 'e' + i, source: e.a, target: e.b, color: edgeColor(e), width: 1 + 7 * Math.sqrt(w / wmax), idx: i, dashed: e.sign === 0 || (e.ambivalent && edgeColor(e) === '#e39b17') ? 'dashed' : 'solid' } });
    });
    if (this.cy) this.cy.destroy();
    const big = data.nodes.length > 400;
    this.cy = cytoscape({
      container: this.container,
      elements: els,
      layout: layoutFor(data.nodes.length),
      minZoom: 0.05, maxZoom: 4,
      pixelRatio: big ? 1 : 'auto',
      textureOnViewport: big, hideEdgesOnViewport: big, motionBlur: false,
      style: [
        { selector: 'node', style: { 'background-color': 'data(color)', width: 'data(size)', height: 'data(size)', label: 'data(label)',
          'font-size': 'data(font)', 'text-valign': 'bottom', 'text-margin-y': 3, color: '#222', 'text-outline-color': '#fff', 'text-outline-width': 2,
          'text-wrap': 'ellipsis', 'text-max-width': 160, 'min-zoomed-font-size': 6, 'border-width': 1, 'border-color': '#fff' } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(color)', opacity: 0.75, 'curve-style': big ? 'haystack' : 'straight', 'line-style': 'data(dashed)' } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111' } },
        { selector: 'edge:selected', style: { opacity: 1, 'underlay-color': '#f0b429', 'underlay-opacity': 0.6, 'underlay-padding': 3 } },
        { selector: '.faded', style: { opacity: 0.15 } },
      ],
    });
    this.cy.on('tap', 'node', (ev) => this.handlers.onNode && this.handlers.onNode(ev.target.id()));
    this.cy.on('tap', 'edge', (ev) => this.handlers.onEdge && this.handlers.onEdge(this.data.shownEdges[ev.target.data('idx')]));
    this.cy.on('tap', (ev) => { if (ev.target === this.cy && this.handlers.onBackground) this.handlers.onBackground(); });
  }

  /** select highlights an actor and its neighbourhood and centres it. */
  select(id) {
    if (!this.cy) return;
    const n = this.cy.getElementById(id);
    this.cy.elements().unselect().removeClass('faded');
    if (!n.length) return;
    n.select();
    const hood = n.closedNeighborhood();
    this.cy.elements().not(hood).addClass('faded');
    this.cy.animate({ center: { eles: n }, duration: 200 });
  }

  selectEdge(e) {
    if (!this.cy) return;
    this.cy.elements().unselect().removeClass('faded');
    const idx = this.data.shownEdges.indexOf(e);
    if (idx >= 0) this.cy.getElementById('e' + idx).select();
  }

  clear() { if (this.cy) this.cy.elements().unselect().removeClass('faded'); }
  fit() { if (this.cy) this.cy.fit(undefined, 30); }
  destroy() { if (this.cy) this.cy.destroy(); this.cy = null; }
}

/** edgePanel shows a relation: its weights, and its evidence (each linked to the source)
 * as GET /api/relation gives it for the current window. */
export function edgePanel(e, names) {
  const name = (id) => names[id] || id;
  const list = h('ul', { class: 'plain evidence-list' }, h('li', { class: 'muted' }, 'Loading the evidence…'));
  const more = h('p', { class: 'muted' });
  get('relation', { a: e.a, b: e.b, from: win.from, to: win.to }).then((r) => {
    fill(list, r.evidence.map((it) => h('li', {},
      signChip(it.sign, it.kind === 'event' ? it.type : it.type.replaceAll('_', ' ')), ' ',
      it.date ? h('span', { class: 'muted' }, it.date + ' ') : null,
      it.kind === 'event' && it.source ? h('span', { class: 'muted' }, `by ${name(it.source)} `) : null,
      evidenceLink(it.evidence, 'read the sentence'))));
    if (r.more) more.textContent = `and ${r.more} more`;
    list.dispatchEvent(new CustomEvent('evidence-ready', { bubbles: true }));
  }).catch((err) => fill(list, h('li', {}, err.message)));
  return h('div', { class: 'edge-panel' },
    h('h2', {}, actorLink(e.a, name(e.a)), ' — ', actorLink(e.b, name(e.b))),
    h('p', {}, signChip(e.sign, `${e.weight > 0 ? '+' : ''}${e.weight.toFixed(2)}`), ' ',
      e.ambivalent ? h('span', { class: 'chip amb' }, 'ambivalent') : null,
      h('span', { class: 'muted' }, ` cooperation ${e.pos.toFixed(2)}, hostility ${e.neg.toFixed(2)}; ${e.docs} document${e.docs === 1 ? '' : 's'}, ${e.sources} source${e.sources === 1 ? '' : 's'}`)),
    h('h3', {}, 'Evidence'), list, more,
    h('p', {}, h('a', { href: `#/scenario${qs({ a: e.a, b: e.b, sign: e.sign > 0 ? -1 : 1 })}`, class: 'whatif' },
      `What if this relation turned ${e.sign > 0 ? 'hostile' : 'friendly'}?`)));
}

/** nodePanel shows an actor of the graph with its relations in the current window. */
export function nodePanel(id, data, onEdge) {
  const n = data.nodes.find((x) => x.id === id);
  if (!n) return h('p', {}, 'Not in this graph.');
  const names = Object.fromEntries(data.nodes.map((x) => [x.id, x.label]));
  const rels = data.shownEdges.filter((e) => e.a === id || e.b === id)
    .sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight));
  return h('div', { class: 'node-panel' },
    h('h2', {}, blocDot(n.bloc), n.label),
    h('p', { class: 'muted' }, `${n.type || 'actor'} · bloc ${n.bloc + 1} · prominence ${n.prominence.toFixed(1)} · ${n.degree} relations`),
    h('p', {}, h('a', { href: '#/actor/' + encodeURIComponent(id), class: 'dossier-link' }, 'Open the dossier →')),
    h('h3', {}, 'Relations in this window'),
    h('ul', { class: 'plain' }, rels.map((e) => {
      const other = e.a === id ? e.b : e.a;
      return h('li', {}, signChip(e.sign, e.weight.toFixed(1)), ' ',
        h('button', { type: 'button', class: 'link rel', onclick: () => onEdge(e) }, names[other] || other));
    })));
}

/** actorIndex lists the actors of the graph as buttons, so the graph is usable from the
 * keyboard. */
function actorIndex(data, onPick) {
  return h('div', {},
    h('h2', {}, 'Actors'),
    h('p', { class: 'muted' }, 'Most prominent first. Click an actor or a relation in the graph, or pick one here.'),
    h('ul', { class: 'plain actor-index' }, data.nodes.slice(0, 200).map((n) =>
      h('li', {}, blocDot(n.bloc), h('button', { type: 'button', class: 'link', onclick: () => onPick(n.id) }, n.label),
        h('span', { class: 'muted' }, ` ${n.degree}`)))));
}

/** render is the graph view. */
export async function render(root, params) {
  const inf = await info();
  const limitSel = h('select', { id: 'limit', 'aria-label': 'How many actors' },
    [50, 150, 300, 1000, 5000].map((n) => h('option', { value: n, selected: n === 150 }, `top ${n}`)));
  const typeSel = h('select', { id: 'type', 'aria-label': 'Actor type' }, h('option', { value: '' }, 'all types'),
    ['PERSON', 'ORG', 'GPE', 'NORP', 'LOC', 'FAC', 'EVENT'].map((t) => h('option', { value: t }, t)));
  const minW = h('input', { id: 'min-weight', type: 'number', min: 0, step: 0.1, value: 0, style: 'width:5em', 'aria-label': 'Minimum weight' });
  const find = h('input', { id: 'find', type: 'search', placeholder: 'find actor…', list: 'actor-names', 'aria-label': 'Find an actor in the graph' });
  const names = h('datalist', { id: 'actor-names' });
  const note = h('span', { class: 'muted', id: 'graph-note' });
  const box = h('div', { class: 'graph', id: 'cy', role: 'img', 'aria-label': 'Actor graph' });
  const side = h('aside', { class: 'side', id: 'side', 'aria-live': 'polite' });
  const legend = h('span', { class: 'legend' }, h('span', {}, signChip(1, 'cooperation')), h('span', {}, signChip(-1, 'hostility')),
    h('span', {}, h('span', { class: 'chip amb' }, 'ambivalent')), h('span', { class: 'muted' }, 'colour = bloc, size = prominence'));
  fill(root,
    h('div', { class: 'toolbar' }, h('h1', {}, 'Actor graph'), limitSel, typeSel,
      h('label', {}, 'min weight', minW), find, names, h('button', { type: 'button', onclick: () => g.fit() }, 'Fit (f)'), note),
    h('div', { class: 'toolbar' }, windowSlider(inf), legend),
    h('div', { class: 'split' }, box, side));

  let data = null;
  const showIndex = () => { g.clear(); fill(side, actorIndex(data, pick)); };
  const pick = (id) => { g.select(id); fill(side, nodePanel(id, data, edge)); const b = side.querySelector('a'); if (b) b.focus(); };
  const edge = (e) => { g.selectEdge(e); const nm = Object.fromEntries(data.nodes.map((x) => [x.id, x.label])); fill(side, edgePanel(e, nm)); const hd = side.querySelector('h2 a'); if (hd) hd.focus(); };
  const g = new Graph(box, { onNode: pick, onEdge: edge, onBackground: () => showIndex() });
  const load = async () => {
    try {
      const d = await g.load({ from: win.from, to: win.to, limit: limitSel.value, type: typeSel.value, min_weight: minW.value > 0 ? minW.value : '', actor: params.get('focus') || '' });
      if (!d) return;
      data = d;
      fill(names, d.nodes.map((n) => h('option', { value: n.label })));
      note.textContent = `${d.nodes.length} of ${d.total_nodes} actors, ${d.shownEdges.length} relations` +
        (d.hiddenEdges + d.hidden ? ` (${d.hiddenEdges + d.hidden} weaker hidden)` : '') + (win.from || win.to ? ` · ${win.from || '…'} – ${win.to || '…'}` : '');
      box.dataset.nodes = d.nodes.length;
      box.dataset.edges = d.shownEdges.length;
      if (!d.nodes.length) fill(side, h('p', { class: 'empty' }, 'No relations in this window.'));
      else if (params.get('focus')) pick(params.get('focus'));
      else showIndex();
      if (!window.__faultlineReady) window.__faultlineReady = performance.now();
      window.__faultlineGraph = { ms: d.ms, fetch: d.fetchMs, draw: d.drawMs, nodes: d.nodes.length, edges: d.shownEdges.length };
      root.dispatchEvent(new CustomEvent('graph-ready', { bubbles: true }));
    } catch (e) { showError('Graph: ' + e.message); }
  };
  limitSel.addEventListener('change', load);
  typeSel.addEventListener('change', load);
  minW.addEventListener('change', load);
  find.addEventListener('change', () => {
    const n = data && data.nodes.find((x) => x.label.toLowerCase() === find.value.toLowerCase());
    if (n) pick(n.id);
  });
  const off = onWindow(load);
  root.__keys = { f: () => g.fit() };
  await load();
  return () => { off(); g.destroy(); };
}
