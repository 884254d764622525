// timeline.js: events per month, a time-window slider that recomputes the graph, the
// relations that changed sign and the events of the window.
import { h, fill, get, win, onWindow, info, windowSlider, months, actorLink, evidenceLink, signChip, showError } from './lib.js';
import { Graph, edgePanel } from './graph.js';

function drawHistogram(canvas, data) {
  const ms = months(data.first, data.last);
  const by = Object.fromEntries(data.months.map((m) => [m.month, m]));
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth || 800, ht = canvas.clientHeight || 90;
  canvas.width = w * dpr; canvas.height = ht * dpr;
  const c = canvas.getContext('2d');
  c.scale(dpr, dpr);
  c.clearRect(0, 0, w, ht);
  if (!ms.length) return;
  const max = Math.max(1, ...data.months.map((m) => m.events));
  const bw = w / ms.length;
  const i0 = win.from ? ms.indexOf(win.from.slice(0, 7)) : 0, i1 = win.to ? ms.indexOf(win.to.slice(0, 7)) : ms.length - 1;
  c.fillStyle = '#fff4c2';
  c.fillRect(Math.max(0, i0) * bw, 0, (Math.max(i0, i1) - Math.max(0, i0) + 1) * bw, ht);
  ms.forEach((m, i) => {
    const x = by[m];
    if (!x) return;
    const hn = (x.negative / max) * (ht - 14), hp = (x.positive / max) * (ht - 14), ho = ((x.events - x.negative - x.positive) / max) * (ht - 14);
    const bx = i * bw + bw * 0.1, bwid = Math.max(1, bw * 0.8);
    c.fillStyle = '#d1372a'; c.fillRect(bx, ht - hn, bwid, hn);
    c.fillStyle = '#2a9d5c'; c.fillRect(bx, ht - hn - hp, bwid, hp);
    c.fillStyle = '#999'; c.fillRect(bx, ht - hn - hp - ho, bwid, ho);
  });
  c.fillStyle = '#666'; c.font = '11px system-ui';
  c.fillText(ms[0], 2, 11);
  const l = ms[ms.length - 1];
  c.fillText(l, w - c.measureText(l).width - 2, 11);
}

/** render is the timeline view. */
export async function render(root) {
  const inf = await info();
  const canvas = h('canvas', { class: 'hist', id: 'hist', role: 'img', 'aria-label': 'Events per month: hostile in red, cooperative in green' });
  const box = h('div', { class: 'graph', id: 'cy', style: 'min-height:380px' });
  const side = h('aside', { class: 'side', id: 'side' });
  const note = h('span', { class: 'muted', id: 'graph-note' });
  fill(root, h('div', { class: 'toolbar' }, h('h1', {}, 'Timeline'), note), canvas,
    h('div', { class: 'toolbar' }, windowSlider(inf)), h('div', { class: 'split' }, box, side));
  let names = {};
  const g = new Graph(box, {
    onNode: (id) => { location.hash = '#/actor/' + encodeURIComponent(id); },
    onEdge: (e) => { g.selectEdge(e); fill(side, edgePanel(e, names)); },
  });
  let tl = null;
  const load = async () => {
    try {
      const [t, d, ev] = await Promise.all([get('timeline', { from: win.from, to: win.to }), g.load({ from: win.from, to: win.to, limit: 150 }), get('events', { from: win.from, to: win.to, limit: 100 })]);
      tl = t;
      drawHistogram(canvas, t);
      if (!d) return;
      names = Object.fromEntries(d.nodes.map((n) => [n.id, n.label]));
      box.dataset.nodes = d.nodes.length;
      note.textContent = `${win.from || t.first || '…'} – ${win.to || t.last || '…'}: ${d.nodes.length} actors, ${d.shownEdges.length} relations, ${ev.total} events`;
      const nm = (id) => t.names[id] || names[id] || id;
      fill(side,
        h('h2', {}, `Relations that changed (${t.changes.length})`),
        t.changes.length ? h('ul', { class: 'plain changes' }, t.changes.slice(0, 50).map((c) => h('li', {}, actorLink(c.a, nm(c.a)), ' — ', actorLink(c.b, nm(c.b)),
          c.changes.map((x) => h('div', { class: 'muted' }, `${x.date}: `, signChip(x.from, x.from > 0 ? '+' : '−'), '→', signChip(x.to, x.to > 0 ? '+' : '−'), ' ',
            x.after && x.after[0] ? evidenceLink(x.after[0].evidence, 'source') : null))))) : h('p', { class: 'muted' }, 'No relation changed sign in this window.'),
        h('h2', {}, `Events (${ev.total})`),
        h('ul', { class: 'plain' }, ev.events.map((e) => h('li', {}, h('span', { class: 'muted' }, (e.date || '—') + ' '), signChip(Math.sign(e.goldstein), e.type), ' ',
          e.source ? actorLink(e.source, e.source_name) : '?', ' → ', e.target ? actorLink(e.target, e.target_name) : '—', ' ', evidenceLink(e.evidence, 'source')))));
      root.dispatchEvent(new CustomEvent('graph-ready', { bubbles: true }));
    } catch (e) { showError('Timeline: ' + e.message); }
  };
  const off = onWindow(load);
  const onResize = () => tl && drawHistogram(canvas, tl);
  window.addEventListener('resize', onResize);
  root.__keys = { f: () => g.fit() };
  await load();
  return () => { off(); window.removeEventListener('resize', onResize); g.destroy(); };
}
