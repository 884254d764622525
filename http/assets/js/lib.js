// lib.js: DOM helpers, the API client and the shared time window.

/** h builds an element: h('a', {href: '#'}, 'text', child). Attributes starting with "on"
 * are event listeners; null and false children are skipped; strings become text nodes. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

/** clear empties an element and appends children. */
export function fill(el, ...children) { el.replaceChildren(); append(el, children); return el; }

const status = () => document.getElementById('status');

/** showError reports a failure in the status bar. */
export function showError(msg) { const s = status(); s.className = 'error'; s.textContent = msg; }
/** showInfo reports a message in the status bar; an empty one clears it. */
export function showInfo(msg) { const s = status(); s.className = msg ? 'info' : ''; s.textContent = msg || ''; }

/** qs turns an object into a query string, skipping empty values. */
export function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== '' && v !== null && v !== undefined) u.set(k, v);
  const s = u.toString();
  return s ? '?' + s : '';
}

/** APIError is a failed API request with the server's error code. */
export class APIError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}

async function call(method, path, body) {
  const opts = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    opts.headers['Content-Type'] = 'application/json';
    opts.body = JSON.stringify(body);
    const tok = sessionStorage.getItem('faultline-token');
    if (tok) opts.headers.Authorization = 'Bearer ' + tok;
  }
  const res = await fetch('/api/' + path, opts);
  let data = null;
  try { data = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) {
    const e = (data && data.error) || {};
    throw new APIError(res.status, e.code || 'internal', e.message || res.statusText);
  }
  return data;
}

/** get fetches GET /api/PATH?PARAMS. */
export const get = (path, params) => call('GET', path + qs(params));
/** post sends a JSON body to /api/PATH. */
export const post = (path, body) => call('POST', path, body);

// The time window shared by the graph, timeline, map and paradox views.
export const win = { from: '', to: '' };
const winListeners = new Set();
/** setWindow changes the shared window and tells the listeners. */
export function setWindow(from, to) {
  if (from === win.from && to === win.to) return;
  win.from = from; win.to = to;
  for (const fn of winListeners) fn(win);
}
/** onWindow registers a listener of window changes; it returns the unregistration. */
export function onWindow(fn) { winListeners.add(fn); return () => winListeners.delete(fn); }

/** Palette of bloc colours (Tableau 10); unconnected actors are grey. */
const palette = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#86bcb6', '#8cd17d', '#d4a6c8'];
export function blocColor(b) { return b === undefined || b < 0 ? '#9aa0a6' : palette[b % palette.length]; }

/** blocDot is a coloured dot for a bloc. */
export function blocDot(b) { return h('span', { class: 'bloc', style: `background:${blocColor(b)}`, title: b >= 0 ? `bloc ${b + 1}` : 'no bloc' }); }

/** signChip shows a sign as a coloured chip. */
export function signChip(sign, text) {
  const cls = sign > 0 ? 'pos' : sign < 0 ? 'neg' : '';
  return h('span', { class: 'chip ' + cls }, text || (sign > 0 ? '+ cooperation' : sign < 0 ? '− hostility' : '0 neutral'));
}

/** actorLink links to an actor's dossier. */
export const actorLink = (id, name) => h('a', { href: '#/actor/' + encodeURIComponent(id) }, name || id);

/** evidenceHref links to a document with a span highlighted. */
export const evidenceHref = (ev) => `#/doc/${encodeURIComponent(ev.doc)}${qs({ start: ev.start, end: ev.end })}`;

/** evidenceLink is a link opening the source sentence of a piece of evidence. */
export function evidenceLink(ev, label) {
  return h('a', { href: evidenceHref(ev), class: 'evidence', title: 'Open the source with this sentence highlighted' }, label || 'source');
}

/** months lists the months from first to last (YYYY-MM), inclusive. */
export function months(first, last) {
  if (!first || !last) return [];
  let [y, m] = first.slice(0, 7).split('-').map(Number);
  const [ly, lm] = last.slice(0, 7).split('-').map(Number);
  if (!m) m = 1;
  const out = [];
  while ((y < ly || (y === ly && m <= (lm || 12))) && out.length < 2400) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

/** debounce delays fn until calls stop for ms. */
export function debounce(fn, ms) {
  let t;
  return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); };
}

/** windowSlider is a pair of range inputs over the months of the corpus that sets the
 * shared window. */
export function windowSlider(info) {
  const ms = months(info.first, info.last);
  if (ms.length < 2) return h('p', { class: 'muted' }, ms.length ? `All evidence is from ${ms[0]}.` : 'No dated evidence.');
  const idx = (v, d) => { const i = ms.indexOf(v.slice(0, 7)); return i < 0 ? d : i; };
  const from = h('input', { type: 'range', min: 0, max: ms.length - 1, value: idx(win.from, 0), id: 'win-from', 'aria-label': 'Window start' });
  const to = h('input', { type: 'range', min: 0, max: ms.length - 1, value: idx(win.to, ms.length - 1), id: 'win-to', 'aria-label': 'Window end' });
  const label = h('output', { id: 'win-label' });
  const show = () => { label.textContent = `${ms[+from.value]} – ${ms[+to.value]}`; };
  const apply = debounce(() => {
    const all = +from.value === 0 && +to.value === ms.length - 1;
    setWindow(all ? '' : ms[+from.value], all ? '' : ms[+to.value]);
  }, 150);
  const change = (e) => {
    if (+from.value > +to.value) { if (e.target === from) to.value = from.value; else from.value = to.value; }
    show(); apply();
  };
  from.addEventListener('input', change);
  to.addEventListener('input', change);
  const reset = h('button', { type: 'button', onclick: () => { from.value = 0; to.value = ms.length - 1; show(); setWindow('', ''); } }, 'All time');
  show();
  return h('div', { class: 'range' }, h('span', {}, 'Window'), from, to, label, reset);
}

/** byteIndex maps byte offsets of a UTF-8 text to indices of the JavaScript string. */
export function byteIndex(text) {
  const map = new Int32Array(new TextEncoder().encode(text).length + 1);
  let b = 0, i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) map[b + k] = i;
    b += n; i += ch.length;
  }
  map[b] = i;
  return (off) => map[Math.max(0, Math.min(off, b))];
}

let infoPromise = null;
/** info returns GET /api/info, fetched once per page load (or again after a write). */
export function info(refresh) {
  if (!infoPromise || refresh) infoPromise = get('info');
  return infoPromise;
}
