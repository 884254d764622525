// app.js: the router, keyboard shortcuts, search and token of the faultline web UI.
import { h, fill, showError, showInfo, info } from './lib.js';
import * as graph from './graph.js';
import * as views from './views.js';
import * as timeline from './timeline.js';
import * as map from './map.js';

const routes = {
  graph: graph.render,
  timeline: timeline.render,
  map: map.render,
  paradoxes: views.paradoxes,
  scenario: views.scenario,
  actors: views.actors,
  documents: views.documents,
  actor: views.dossier,
  doc: views.document,
  search: views.search,
};

let cleanup = null;
let current = '';

async function route() {
  const hash = location.hash.replace(/^#\/?/, '') || 'graph';
  const [path, query] = hash.split('?');
  const [name, ...rest] = path.split('/');
  const view = routes[name] ? name : 'graph';
  const arg = decodeURIComponent(rest.join('/'));
  const params = new URLSearchParams(query || '');
  if (cleanup) { try { cleanup(); } catch { /* ignore */ } cleanup = null; }
  showInfo('');
  for (const a of document.querySelectorAll('header nav a')) {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  const root = document.getElementById('view');
  root.__keys = null;
  fill(root, h('p', { class: 'muted' }, 'Loading…'));
  const me = (current = hash);
  try {
    const c = await routes[view](root, params, arg);
    if (me !== current) { if (typeof c === 'function') c(); return; }
    cleanup = typeof c === 'function' ? c : null;
    document.title = `faultline — ${view}`;
    if (view !== 'graph' && view !== 'timeline' && !root.contains(document.activeElement)) root.focus({ preventScroll: true });
  } catch (e) {
    fill(root, h('p', { class: 'empty' }, 'Could not load this view.'));
    showError(e.message);
  }
}

const keys = { g: 'graph', t: 'timeline', m: 'map', p: 'paradoxes', s: 'scenario', a: 'actors', d: 'documents' };

document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  const typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
  if (e.key === 'Escape') {
    const help = document.getElementById('help');
    if (help.open) return;
    if (typing) { t.blur(); return; }
    const side = document.getElementById('side');
    if (side) { side.replaceChildren(); }
    return;
  }
  if (typing) return;
  if (e.key === '/') { e.preventDefault(); document.getElementById('q').focus(); return; }
  if (e.key === '?') { document.getElementById('help').showModal(); return; }
  const root = document.getElementById('view');
  if (root.__keys && root.__keys[e.key]) { e.preventDefault(); root.__keys[e.key](); return; }
  if (keys[e.key]) { e.preventDefault(); location.hash = '#/' + keys[e.key]; }
});

document.getElementById('search').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = document.getElementById('q').value.trim();
  if (q) location.hash = '#/search?q=' + encodeURIComponent(q);
});
document.getElementById('help-btn').addEventListener('click', () => document.getElementById('help').showModal());

const tokenBtn = document.getElementById('token-btn');
tokenBtn.addEventListener('click', () => {
  const t = prompt('Write token (kept for this tab only):', sessionStorage.getItem('faultline-token') || '');
  if (t !== null) sessionStorage.setItem('faultline-token', t.trim());
});
info().then((i) => { tokenBtn.hidden = !i.token; }).catch((e) => showError(e.message));

window.addEventListener('hashchange', route);
route();
