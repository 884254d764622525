// Scores the named entities of the compromise NLP library (people, places, organizations)
// on a CoNLL-style file, the same files `faultline eval ner --conll` reads, for a peer
// comparison. Types compared: PERSON, ORG, LOC (gold LOC and GPE); MISC and other types are
// ignored, and a prediction on exactly a gold MISC span is left out.
//
//   node score.mjs FILE
//
// Last line: compromise f1=… p=… r=… f1_LOC=… f1_ORG=… f1_PERSON=…
import fs from 'node:fs';
import nlp from 'compromise';

const file = process.argv[2];
if (!file) { console.error('usage: node score.mjs FILE'); process.exit(2); }
const sentences = [];
let cur = { words: [], tags: [] };
for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  const f = line.trim().split(/\s+/).filter(Boolean);
  if (f.length === 0) { if (cur.words.length) sentences.push(cur); cur = { words: [], tags: [] }; continue; }
  if (f.length < 2 || f[0].startsWith('#')) continue;
  let w = f[0];
  if (/^\d+$/.test(f[0]) && f.length >= 3) w = f[1];
  if (w === '-DOCSTART-') continue;
  cur.words.push(w); cur.tags.push(f[f.length - 1]);
}
if (cur.words.length) sentences.push(cur);

const mapType = (t) => ({ PER: 'PERSON', PERSON: 'PERSON', ORG: 'ORG', LOC: 'LOC', GPE: 'LOC' }[t] || '');
function spans(tags) {
  const out = [];
  for (let i = 0; i < tags.length;) {
    const t = tags[i];
    if (t === 'O' || t.length < 3) { i++; continue; }
    const typ = t.slice(2); let j = i + 1;
    while (j < tags.length && tags[j] === 'I-' + typ) j++;
    out.push([i, j, typ]); i = j;
  }
  return out;
}

const tp = {}, fp = {}, fn = {};
const inc = (m, k) => { m[k] = (m[k] || 0) + 1; };
let ntok = 0;
const t0 = Date.now();
for (const s of sentences) {
  ntok += s.words.length;
  const text = s.words.join(' ');
  const starts = []; let p = 0;
  for (const w of s.words) { starts.push(p); p += w.length + 1; }
  const wordAt = (c) => { let k = 0; while (k + 1 < starts.length && starts[k + 1] <= c) k++; return k; };
  const doc = nlp(text);
  const pred = [];
  for (const [typ, view] of [['PERSON', doc.people()], ['LOC', doc.places()], ['ORG', doc.organizations()]]) {
    for (const m of view.json({ offset: true })) {
      const o = m.offset; if (!o) continue;
      const a = wordAt(o.start), b = wordAt(o.start + Math.max(o.length, 1) - 1) + 1;
      pred.push([a, b, typ]);
    }
  }
  const gold = new Map(); const misc = new Set();
  for (const [a, b, t] of spans(s.tags)) {
    const m = mapType(t);
    if (m) gold.set(`${a},${b},${m}`, m); else misc.add(`${a},${b}`);
  }
  const seen = new Set();
  for (const [a, b, t] of pred) {
    const k = `${a},${b},${t}`;
    if (misc.has(`${a},${b}`) || seen.has(k)) continue;
    seen.add(k);
    if (gold.has(k)) { inc(tp, t); gold.delete(k); } else inc(fp, t);
  }
  for (const t of gold.values()) inc(fn, t);
}
const secs = (Date.now() - t0) / 1000;
function prf(t) {
  let a = 0, b = 0, c = 0;
  for (const x of ['PERSON', 'ORG', 'LOC']) if (!t || t === x) { a += tp[x] || 0; b += fp[x] || 0; c += fn[x] || 0; }
  const p = a + b ? a / (a + b) : 0, r = a + c ? a / (a + c) : 0;
  return [p, r, p + r ? 2 * p * r / (p + r) : 0];
}
const [P, R, F] = prf('');
console.log(`${sentences.length} sentences, ${ntok} tokens, ${Math.round(ntok / secs)} tokens/s (whole compromise pipeline)`);
let line = `compromise f1=${F.toFixed(4)} p=${P.toFixed(4)} r=${R.toFixed(4)}`;
for (const t of ['LOC', 'ORG', 'PERSON']) line += ` f1_${t}=${prf(t)[2].toFixed(4)}`;
console.log(line);
