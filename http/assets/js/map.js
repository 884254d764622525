// map.js: where events happened, on Natural Earth country outlines (SVG, equirectangular).
import { h, fill, get, win, onWindow, info, windowSlider, actorLink, evidenceLink, signChip, showError } from './lib.js';

const NS = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs, ...kids) => {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) el.setAttribute(k, v);
  for (const k of kids) el.append(k);
  return el;
};

let countries = null;
async function outlines() {
  if (!countries) {
    const res = await fetch('geo/countries.geojson');
    if (!res.ok) throw new Error('map outlines: ' + res.status);
    countries = await res.json();
  }
  return countries;
}

/** render is the map view. */
export async function render(root) {
  const inf = await info();
  const geo = await outlines();
  const wrap = h('div', { class: 'map', id: 'map' });
  const side = h('aside', { class: 'side', id: 'side' });
  const note = h('span', { class: 'muted' });
  fill(root, h('div', { class: 'toolbar' }, h('h1', {}, 'Map of events'), note), h('div', { class: 'toolbar' }, windowSlider(inf)),
    h('div', { class: 'split' }, h('div', { style: 'flex:1' }, wrap, h('p', { class: 'muted' }, 'Circle size: events; colour: red hostile, green cooperative. Outlines: Natural Earth (public domain). Places: GeoNames (CC BY 4.0).')), side));
  const showPlace = async (p) => {
    try {
      const ev = await get('events', { place: p.place, from: win.from, to: win.to, limit: 100 });
      fill(side, h('h2', {}, `${p.name} (${p.country})`), h('p', { class: 'muted' }, `${p.events} events`),
        h('ul', { class: 'plain' }, ev.events.map((e) => h('li', {}, h('span', { class: 'muted' }, (e.date || '—') + ' '), signChip(Math.sign(e.goldstein), e.type), ' ',
          e.source ? actorLink(e.source, e.source_name) : '?', ' → ', e.target ? actorLink(e.target, e.target_name) : '—', ' ', evidenceLink(e.evidence, 'source')))));
    } catch (e) { showError(e.message); }
  };
  const load = async () => {
    try {
      const d = await get('places', { from: win.from, to: win.to });
      note.textContent = `${d.places.length} places` + (d.unlocated ? `, ${d.unlocated} events at places not in the gazetteer` : '');
      // View box: the places with a margin, or the world.
      let [x0, y0, x1, y1] = [-180, -60, 180, 85];
      if (d.places.length) {
        const lons = d.places.map((p) => p.lon), lats = d.places.map((p) => p.lat);
        const pad = 6;
        x0 = Math.max(-180, Math.min(...lons) - pad); x1 = Math.min(180, Math.max(...lons) + pad);
        y0 = Math.max(-85, Math.min(...lats) - pad); y1 = Math.min(85, Math.max(...lats) + pad);
        const wd = x1 - x0, ht = y1 - y0;
        if (wd < ht * 1.6) { const c = (x0 + x1) / 2; x0 = c - ht * 0.8; x1 = c + ht * 0.8; }
        else { const c = (y0 + y1) / 2; y0 = c - wd / 3.2; y1 = c + wd / 3.2; }
      }
      const scale = 1000 / (x1 - x0);
      const X = (lon) => ((lon - x0) * scale).toFixed(1), Y = (lat) => ((y1 - lat) * scale).toFixed(1);
      const paths = [];
      for (const f of geo.features) {
        let dstr = '';
        for (const poly of f.geometry.coordinates) for (const ring of poly) dstr += 'M' + ring.map((p) => X(p[0]) + ' ' + Y(p[1])).join('L') + 'Z';
        paths.push(svg('path', { d: dstr }, svg('title', {}, f.properties.name)));
      }
      const max = Math.max(1, ...d.places.map((p) => p.events));
      const dots = d.places.map((p) => {
        const neg = p.negative / Math.max(1, p.events), pos = p.positive / Math.max(1, p.events);
        const color = neg > pos ? '#d1372a' : pos > neg ? '#2a9d5c' : '#e39b17';
        const c = svg('circle', { cx: X(p.lon), cy: Y(p.lat), r: (4 + 14 * Math.sqrt(p.events / max)).toFixed(1), fill: color, tabindex: 0, role: 'button', 'aria-label': `${p.name}: ${p.events} events`, class: 'place' },
          svg('title', {}, `${p.name}: ${p.events} events`));
        c.addEventListener('click', () => showPlace(p));
        c.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); showPlace(p); } });
        return c;
      });
      const labels = d.places.slice(0, 30).map((p) => svg('text', { x: +X(p.lon) + 6, y: +Y(p.lat) - 6, 'font-size': 12, fill: '#333' }, p.name));
      fill(wrap, svg('svg', { viewBox: `0 0 1000 ${((y1 - y0) * scale).toFixed(0)}`, role: 'img', 'aria-label': 'Map of event places' }, ...paths, ...dots, ...labels));
      fill(side, d.places.length ? h('div', {}, h('h2', {}, 'Places'), h('ul', { class: 'plain' }, d.places.slice(0, 100).map((p) =>
        h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => showPlace(p) }, p.name), h('span', { class: 'muted' }, ` ${p.country} · ${p.events}`)))))
        : h('p', { class: 'empty' }, 'No located events in this window.'));
    } catch (e) { showError('Map: ' + e.message); }
  };
  const off = onWindow(load);
  await load();
  return off;
}
