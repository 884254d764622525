// views.js: dossier, evidence reader, search, documents, paradoxes, scenario and actors.
import { h, fill, get, post, win, qs, blocDot, signChip, actorLink, evidenceLink, evidenceHref, showError, showInfo, byteIndex, info, windowSlider, onWindow } from './lib.js';

const plural = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** dossier: everything about one actor. */
export async function dossier(root, params, id) {
  const d = await get('actors/' + encodeURIComponent(id));
  const a = d.actor;
  const self = h('b', {}, a.canonical);
  const tieList = (ties) => ties.length ? h('ul', { class: 'plain' }, ties.map((t) => h('li', {},
    t.a === a.id ? [self.cloneNode(true), ' ', t.type.replaceAll('_', ' '), ' ', actorLink(t.other, t.other_name)]
      : [actorLink(t.other, t.other_name), ' ', t.type.replaceAll('_', ' '), ' ', self.cloneNode(true)],
    ' ', h('span', { class: 'muted' }, `· weight ${t.weight.toFixed(1)} · `),
    t.evidence.slice(0, 3).map((ev, i) => [evidenceLink(ev, `source ${i + 1}`), ' '])))) : h('p', { class: 'muted' }, 'None.');
  const quote = (q) => h('li', {}, h('q', {}, q.text.replace(/^[\u201c"]|[\u201d"]$/g, '')), ' — ',
    q.speaker ? actorLink(q.speaker, q.speaker_name) : 'unattributed', ' ', evidenceLink({ doc: q.doc, start: q.start, end: q.end }, q.title || 'source'));
  fill(root,
    h('p', {}, h('a', { href: '#/graph?focus=' + encodeURIComponent(a.id) }, '← show in the graph')),
    h('h1', { id: 'dossier-name' }, blocDot(d.bloc), a.canonical),
    h('p', { class: 'muted' }, `${a.type || 'actor'} · ${plural(a.docs || d.documents.length, 'document')} · ${plural(d.totals.mentions, 'mention')}` + (d.bloc >= 0 ? ` · bloc ${d.bloc + 1}` : '')),
    h('p', {}, 'Also called: ', a.aliases.filter((x) => x !== a.canonical).map((x) => h('span', { class: 'chip' }, x))),
    (a.roles || []).length ? h('p', {}, 'Roles: ', a.roles.map((x) => h('span', { class: 'chip' }, x))) : null,
    h('div', { class: 'cols' },
      h('section', { class: 'card' }, h('h2', {}, 'Allies and cooperation'), tieList(d.ties.positive)),
      h('section', { class: 'card' }, h('h2', {}, 'Hostility'), tieList(d.ties.negative)),
      d.ties.neutral.length ? h('section', { class: 'card' }, h('h2', {}, 'Other ties'), tieList(d.ties.neutral)) : null),
    h('section', {}, h('h2', {}, `Events (${d.totals.events})`), d.totals.events > d.events.length ? h('p', { class: 'muted' }, `The first ${d.events.length} by date.`) : null,
      d.events.length ? h('table', { class: 'data events' }, h('tr', {}, h('th', {}, 'date'), h('th', {}, 'event'), h('th', {}, 'who'), h('th', {}, 'place'), h('th', {}, '')),
        d.events.map((e) => h('tr', {}, h('td', {}, e.date || '—'), h('td', {}, signChip(Math.sign(e.goldstein), e.type), ' ', e.trigger || ''),
          h('td', {}, e.source ? actorLink(e.source, e.source_name) : '?', ' → ', e.target ? actorLink(e.target, e.target_name) : '—'),
          h('td', {}, e.place || ''), h('td', {}, evidenceLink(e.evidence, 'source'))))) : h('p', { class: 'muted' }, 'None.')),
    h('div', { class: 'cols' },
      h('section', {}, h('h2', {}, 'Quotes by'), d.quotes_by.length ? h('ul', { class: 'plain quotes-by' }, d.quotes_by.map(quote)) : h('p', { class: 'muted' }, 'None.')),
      h('section', {}, h('h2', {}, 'Quotes about'), d.quotes_about.length ? h('ul', { class: 'plain' }, d.quotes_about.map(quote)) : h('p', { class: 'muted' }, 'None.'))),
    h('section', {}, h('h2', {}, 'Documents'), h('ul', { class: 'plain' }, d.documents.map((doc) =>
      h('li', {}, h('a', { href: '#/doc/' + encodeURIComponent(doc.id) }, doc.title || doc.id), h('span', { class: 'muted' }, ` ${doc.date || ''} ${doc.source || ''}`))))),
    h('p', {}, h('a', { href: '#/actors?actor=' + encodeURIComponent(a.id) }, 'Merge, split, alias or rename this actor…')));
}

/** document: the source reader, with the evidence of its extraction marked and the span of
 * the link highlighted. */
export async function document_(root, params, id) {
  const d = await get('documents/' + encodeURIComponent(id));
  const doc = d.document, x = d.extraction, text = doc.text || '';
  const at = byteIndex(text);
  const spans = [];
  const add = (s, e, cls, title, actor) => { if (e > s) spans.push({ s: at(s), e: at(e), cls, title, actor }); };
  const layers = { ent: true, ev: true, quote: true, fig: true, tie: false };
  for (const en of x.entities) add(en.start, en.end, 'ent ' + en.type, `${en.type}${en.actor ? ': ' + (d.actors[en.actor] || en.actor) : ''}`, en.actor);
  for (const ev of x.events) add(ev.start, ev.end, 'ev', `${ev.type} (${ev.cameo}, Goldstein ${ev.goldstein})`);
  for (const q of x.quotes) add(q.start, q.end, 'quote', q.speaker ? `quote by ${d.actors[q.speaker.actor] || q.speaker.text}` : 'quote');
  for (const f of x.figures) add(f.start, f.end, 'fig', `${f.value} ${f.unit}${f.about ? ' ' + f.about : ''}`);
  for (const t of x.ties) add(t.evidence.start, t.evidence.end, 'tie', `${t.type.replaceAll('_', ' ')}: ${d.actors[t.a.actor] || t.a.text} → ${d.actors[t.b.actor] || t.b.text}`);
  const fs = +params.get('start'), fe = +params.get('end');
  const hasFocus = params.has('start') && fe > fs;
  if (hasFocus) add(fs, fe, 'focus', 'the evidence');
  const body = h('div', { class: 'doc-text', id: 'doc-text' });
  const draw = () => {
    const on = spans.filter((s) => s.cls === 'focus' || layers[s.cls.split(' ')[0]]);
    const cuts = new Set([0, text.length]);
    for (const s of on) { cuts.add(s.s); cuts.add(s.e); }
    const pts = [...cuts].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i], b = pts[i + 1];
      const act = on.filter((s) => s.s <= a && s.e >= b);
      const seg = text.slice(a, b);
      if (!act.length) { out.push(seg); continue; }
      const ent = act.find((s) => s.actor);
      const el = h(ent ? 'a' : 'span', { class: act.map((s) => s.cls).join(' '), title: act.map((s) => s.title).join('; '), href: ent ? '#/actor/' + encodeURIComponent(ent.actor) : null }, seg);
      out.push(el);
    }
    fill(body, out);
  };
  draw();
  const toggle = (k, label) => h('label', {}, h('input', { type: 'checkbox', checked: layers[k], onchange: (e) => { layers[k] = e.target.checked; draw(); } }), ' ', h('span', { class: 'doc-text-legend ' + k }, label));
  fill(root,
    h('h1', { id: 'doc-title' }, doc.title || doc.id),
    h('p', { class: 'muted' }, [doc.source, doc.date, doc.url ? h('a', { href: doc.url, rel: 'noreferrer' }, 'original') : null].filter(Boolean).map((v, i) => [i ? ' · ' : '', v])),
    h('div', { class: 'toolbar legend' }, 'Show: ', toggle('ent', 'actors and places'), toggle('ev', 'events'), toggle('quote', 'quotes'), toggle('fig', 'figures'), toggle('tie', 'ties'),
      hasFocus ? h('span', { class: 'focus' }, 'highlighted: the evidence you followed') : null),
    body,
    h('p', { class: 'muted' }, `${plural(x.entities.length, 'mention')}, ${plural(x.events.length, 'event')}, ${plural(x.ties.length, 'tie')}, ${plural(x.quotes.length, 'quote')}, ${plural(x.figures.length, 'figure')}`));
  const f = body.querySelector('.focus');
  if (f) { f.setAttribute('tabindex', '-1'); f.scrollIntoView({ block: 'center' }); f.focus({ preventScroll: true }); }
}
export { document_ as document };

/** search: actors whose names match and sentences of the full text. */
export async function search(root, params) {
  const q = params.get('q') || '';
  document.getElementById('q').value = q;
  const [actors, text] = await Promise.all([get('actors', { q, limit: 20 }), get('search', { q, limit: 50 })]);
  fill(root, h('h1', {}, `Search: ${q}`),
    h('h2', {}, `Actors (${actors.total})`),
    actors.actors.length ? h('ul', { class: 'plain' }, actors.actors.map((a) => h('li', {}, blocDot(a.bloc), actorLink(a.id, a.canonical), h('span', { class: 'muted' }, ` ${a.type} · ${a.aliases.join(', ')}`)))) : h('p', { class: 'muted' }, 'None.'),
    h('h2', {}, `Sentences (${text.hits.length})`),
    text.hits.length ? h('ul', { class: 'plain hits' }, text.hits.map((s) => h('li', {}, h('a', { href: evidenceHref(s) }, s.text), h('div', { class: 'muted' }, `${s.title || s.doc} ${s.date || ''}`)))) : h('p', { class: 'muted' }, 'None.'));
}

/** documents: the stored documents, paged. */
export async function documents(root, params) {
  const offset = +params.get('offset') || 0, limit = 50;
  const d = await get('documents', { offset, limit });
  fill(root, h('h1', {}, `Documents (${d.total})`),
    d.documents.length ? h('table', { class: 'data' }, h('tr', {}, h('th', {}, 'title'), h('th', {}, 'date'), h('th', {}, 'source')),
      d.documents.map((doc) => h('tr', {}, h('td', {}, h('a', { href: '#/doc/' + encodeURIComponent(doc.id) }, doc.title || doc.id), doc.duplicate_of ? h('span', { class: 'chip' }, 'copy') : null),
        h('td', {}, doc.date || ''), h('td', {}, doc.source || '')))) : h('p', { class: 'empty' }, 'No documents yet: run faultline ingest.'),
    h('p', {}, offset > 0 ? h('a', { href: '#/documents?offset=' + Math.max(0, offset - limit) }, '← previous') : null, ' ',
      offset + limit < d.total ? h('a', { href: '#/documents?offset=' + (offset + limit) }, 'next →') : null));
}

/** paradoxes: unbalanced triads and ambivalent dyads, each explained, with evidence. */
export async function paradoxes(root) {
  const inf = await info();
  const list = h('div', { id: 'paradox-list' });
  const blocs = h('div', { id: 'bloc-list', class: 'cols' });
  const load = async () => {
    try {
      const [d, b] = await Promise.all([get('paradoxes', { from: win.from, to: win.to, limit: 100 }), get('blocs', { from: win.from, to: win.to })]);
      const bal = b.balance;
      fill(blocs,
        h('section', { class: 'card' }, h('h2', {}, `Blocs (${b.blocs.length})`),
          bal ? h('p', { class: 'muted' }, `${bal.balanced} of ${bal.triads} triads balanced; frustration index ${bal.frustration.value}${bal.frustration.exact ? '' : ' (upper bound)'} of ${bal.frustration.edges} relations`) : null,
          h('ul', { class: 'plain' }, b.blocs.slice(0, 12).map((x) => h('li', {}, blocDot(x.id), h('b', {}, `${x.size}: `),
            x.members.slice(0, 8).map((m, i) => [i ? ', ' : '', actorLink(m.id, m.name)]), x.size > 8 ? ' …' : '')))),
        h('section', { class: 'card' }, h('h2', {}, `Brokers (${b.brokers.length})`),
          b.brokers.length ? h('ul', { class: 'plain' }, b.brokers.slice(0, 10).map((x) => h('li', {}, blocDot(x.bloc), actorLink(x.actor, x.name), h('div', { class: 'muted' }, x.explanation))))
            : h('p', { class: 'muted' }, 'No actor is tied positively into mutually hostile blocs.')));
      const nm = (id) => d.names[id] || id;
      fill(list, h('p', { class: 'muted' }, `${d.total} in this window; most evidenced first.`),
        d.paradoxes.length ? d.paradoxes.map((p) => h('div', { class: 'card paradox' },
          h('h2', {}, p.actors.map((a, i) => [i ? ' · ' : '', actorLink(a, nm(a))]), ' ',
            h('span', { class: 'chip' }, (p.kind || '').replaceAll('_', ' '))),
          h('p', {}, p.signs.map((s, i) => {
            const k = p.actors.length === 2 ? `${nm(p.actors[0])}–${nm(p.actors[1])}` : `${nm(p.actors[i])}–${nm(p.actors[(i + 1) % 3])}`;
            return signChip(s, `${k} ${s > 0 ? '+' : s < 0 ? '−' : '±'}`);
          })),
          p.explanation ? h('p', { class: 'explanation' }, p.explanation) : null,
          h('p', {}, 'Evidence: ', p.evidence.slice(0, 8).map((ev, i) => [evidenceLink(ev, String(i + 1)), ' '])))) : h('p', { class: 'empty' }, 'No paradoxes: the alliance web is balanced here.'));
    } catch (e) { showError(e.message); }
  };
  fill(root, h('h1', {}, 'Paradoxes'),
    h('p', { class: 'muted' }, 'Contradictions in the alliance web: the friend of a friend who is an enemy, relations reported both ways.'),
    windowSlider(inf), blocs, list);
  const off = onWindow(load);
  await load();
  return off;
}

async function actorOptions(id) {
  const d = await get('actors', { limit: 500 });
  return h('datalist', { id }, d.actors.map((a) => h('option', { value: a.id }, a.canonical)));
}

/** scenario: change a relation or remove an actor and see which relations come under
 * pressure. */
export async function scenario(root, params) {
  const opts = await actorOptions('scn-actors');
  const a = h('input', { id: 'scn-a', list: 'scn-actors', value: params.get('a') || '', required: true, 'aria-label': 'First actor' });
  const b = h('input', { id: 'scn-b', list: 'scn-actors', value: params.get('b') || '', 'aria-label': 'Second actor' });
  const sign = h('select', { id: 'scn-sign', 'aria-label': 'New relation' },
    h('option', { value: '1', selected: params.get('sign') === '1' }, 'become friendly (+1)'),
    h('option', { value: '-1', selected: params.get('sign') === '-1' }, 'become hostile (−1)'),
    h('option', { value: 'remove' }, 'remove the first actor'));
  const model = h('select', { id: 'scn-model', 'aria-label': 'Dynamics model' }, h('option', { value: 'akr' }, 'AKR triad dynamics'), h('option', { value: 'marvel' }, 'Marvel et al. continuous'));
  const out = h('div', { id: 'scenario-result' });
  const run = async (e) => {
    if (e) e.preventDefault();
    const edit = sign.value === 'remove' ? { a: a.value.trim(), remove: true } : { a: a.value.trim(), b: b.value.trim(), sign: +sign.value };
    fill(out, h('p', { class: 'muted' }, 'Running…'));
    try {
      const r = await post('scenario', { edits: [edit], from: win.from, to: win.to, model: model.value, runs: 100, seed: 1 });
      const nm = (id) => r.names[id] || id;
      const blocs = (bs) => h('ol', {}, bs.map((b) => h('li', {}, b.map((id, i) => [i ? ', ' : '', actorLink(id, nm(id))]))));
      fill(out,
        h('p', { class: 'card note' }, r.note, ` (${r.model}, ${r.runs} runs, seed ${r.seed}; all triads balanced in ${Math.round(r.balanced * 100)}% of runs)`),
        h('h2', {}, `Predicted flips (${r.flips.length})`),
        r.flips.length ? h('table', { class: 'data flips' }, h('tr', {}, h('th', {}, 'relation'), h('th', {}, 'change'), h('th', {}, 'probability'), h('th', {}, 'without the change'), h('th', {}, 'why')),
          r.flips.map((f) => h('tr', { class: 'flip' }, h('td', {}, actorLink(f.a, nm(f.a)), ' — ', actorLink(f.b, nm(f.b))),
            h('td', {}, signChip(f.from, f.from > 0 ? '+' : '−'), ' → ', signChip(f.to, f.to > 0 ? '+' : '−')),
            h('td', {}, h('span', { class: 'bar', style: `width:${Math.round(f.p * 60)}px` }), ` ${Math.round(f.p * 100)}%`),
            h('td', {}, `${Math.round(f.baseline * 100)}%`), h('td', { class: 'explanation' }, f.explanation)))) : h('p', { class: 'empty' }, 'No relation changes sign: the web absorbs this change.'),
        h('div', { class: 'cols' }, h('section', {}, h('h2', {}, 'Blocs before'), blocs(r.blocs_before)), h('section', {}, h('h2', {}, 'Blocs after'), blocs(r.blocs_after))));
    } catch (err) { fill(out, h('p', { class: 'empty' }, err.message)); }
  };
  const inf = await info();
  fill(root, h('h1', {}, 'Scenario'),
    h('p', { class: 'muted' }, 'Change one relation (or remove an actor), hold it fixed, and let a balance-dynamics model show which other relations come under pressure. It is a model, not a forecast.'),
    windowSlider(inf),
    h('form', { class: 'toolbar', id: 'scenario-form', onsubmit: run }, opts, h('label', {}, 'If', a), h('label', {}, 'and', b), sign, model,
      h('button', { class: 'act', type: 'submit', id: 'scn-run' }, 'Run')),
    out);
  if (params.get('a') && (params.get('b') || params.get('sign') === 'remove')) await run();
}

/** actors: the actor list, and merge, split, alias and rename. */
export async function actors(root, params) {
  const q = h('input', { type: 'search', id: 'actor-filter', placeholder: 'filter…', value: params.get('q') || '', 'aria-label': 'Filter actors' });
  const table = h('div', {});
  const form = h('div', { class: 'card', id: 'override-form' });
  let offset = 0;
  const load = async () => {
    const d = await get('actors', { q: q.value.trim(), offset, limit: 50 });
    fill(table, h('p', { class: 'muted' }, `${d.total} actors`),
      h('table', { class: 'data' }, h('tr', {}, h('th', {}, 'actor'), h('th', {}, 'type'), h('th', {}, 'names'), h('th', {}, 'docs'), h('th', {}, '')),
        d.actors.map((a) => h('tr', {}, h('td', {}, blocDot(a.bloc), actorLink(a.id, a.canonical)), h('td', {}, a.type), h('td', {}, a.aliases.join(', ')), h('td', {}, a.docs),
          h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => edit(a) }, 'edit'))))),
      h('p', {}, offset > 0 ? h('button', { type: 'button', class: 'link', onclick: () => { offset -= 50; load(); } }, '← previous') : null, ' ',
        offset + 50 < d.total ? h('button', { type: 'button', class: 'link', onclick: () => { offset += 50; load(); } }, 'next →') : null));
  };
  const edit = (a) => {
    const kind = h('select', { id: 'ov-kind', 'aria-label': 'Correction' }, h('option', { value: 'merge' }, 'merge with another actor'), h('option', { value: 'alias' }, 'add a name'),
      h('option', { value: 'rename' }, 'rename'), h('option', { value: 'split' }, 'split off a name'));
    const other = h('input', { id: 'ov-other', list: 'ov-actors', placeholder: 'other actor id', 'aria-label': 'Other actor' });
    const name = h('input', { id: 'ov-name', list: 'ov-names', placeholder: 'name', 'aria-label': 'Name' });
    const names = h('datalist', { id: 'ov-names' }, a.aliases.map((n) => h('option', { value: n })));
    const sync = () => { other.hidden = kind.value !== 'merge'; name.hidden = kind.value === 'merge'; };
    kind.addEventListener('change', sync); sync();
    const submit = async (e) => {
      e.preventDefault();
      const body = { kind: kind.value, actor: a.id };
      if (kind.value === 'merge') body.other = other.value.trim(); else body.name = name.value.trim();
      try {
        const r = await post('overrides', body);
        showInfo(`Saved: ${r.override.kind} ${r.override.actor}${r.override.other ? ' + ' + r.override.other : ''}${r.override.name ? ' “' + r.override.name + '”' : ''}.` + (r.rebuilt ? ' The model was rebuilt.' : ' It takes effect at the next rebuild.'));
        info(true);
        await load();
      } catch (err) {
        showError(err.status === 401 ? 'A write token is needed: use the Token button.' : err.message);
      }
    };
    fill(form, h('h2', {}, 'Correct ', a.canonical), h('form', { class: 'toolbar', onsubmit: submit }, kind, other, name, names, h('button', { class: 'act', type: 'submit' }, 'Save')),
      h('p', { class: 'muted' }, 'Corrections are kept in the store and survive re-ingest. Merge keeps this actor’s id.'));
    (kind.value === 'merge' ? other : name).focus();
  };
  const opts = await actorOptions('ov-actors');
  fill(root, h('h1', {}, 'Actors'), h('div', { class: 'toolbar' }, q, opts), form, table);
  q.addEventListener('input', () => { offset = 0; load().catch((e) => showError(e.message)); });
  fill(form, h('p', { class: 'muted' }, 'Pick an actor to merge, split, alias or rename it.'));
  await load();
  const pre = params.get('actor');
  if (pre) { try { const a = await get('actors/' + encodeURIComponent(pre)); edit({ id: a.actor.id, canonical: a.actor.canonical, aliases: a.actor.aliases }); } catch (e) { showError(e.message); } }
}
