// Times the compromise NLP library's entity extraction (people, places, organizations) on
// the documents of JSON Lines files ({"id", "text", …} a line), the corpora that
// `faultline bench --write-corpus` writes, for a speed comparison on the same text.
//
//   node speed.mjs FILE.jsonl ...
//
// Last line: compromise docs=N terms=N entities=N seconds=… cpu_seconds=… terms_per_s=…
// (terms are compromise's own word count; speed.sh divides faultline's token count of the
// same text by the seconds, so that both rates count tokens the same way).
import fs from 'node:fs';
import nlp from 'compromise';

const files = process.argv.slice(2);
if (files.length === 0) { console.error('usage: node speed.mjs FILE.jsonl ...'); process.exit(2); }
const texts = [];
for (const f of files) {
  for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
    if (line.trim()) texts.push(JSON.parse(line).text);
  }
}
const entities = (text) => {
  const doc = nlp(text);
  return doc.people().json().length + doc.places().json().length + doc.organizations().json().length;
};
// Warm up as faultline bench does (its pipelines extract a few documents before its clock
// starts): the JIT compiles compromise's code on the first documents.
for (const text of texts.slice(0, 16)) entities(text);
let ents = 0;
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
for (const text of texts) ents += entities(text);
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const cu = process.cpuUsage(c0);
const cpu = (cu.user + cu.system) / 1e6;
// compromise's own word count, outside the clock: it is not entity extraction.
let terms = 0;
for (const text of texts) terms += nlp(text).terms().length;
console.log(`compromise docs=${texts.length} terms=${terms} entities=${ents} seconds=${secs.toFixed(3)} cpu_seconds=${cpu.toFixed(3)} terms_per_s=${(terms / secs).toFixed(0)}`);
