#!/usr/bin/env python3
"""Writes news text of real vocabulary for speed.sh: the sentences of the GMB NER set
(Voice of America news, ../shared/corpora/gmb/ner_dataset.csv.zip, see its licence note
there) in corpus order, detokenised, 25 sentences a JSON Lines document, up to MIB MiB.

    python3 bench/peers/gmb_text.py DIR [MIB]   # writes DIR/gmb.jsonl (default 4 MiB)

The synthetic corpus of `faultline bench --write-corpus` repeats the demo articles'
paragraphs, so its vocabulary is small and word caches hit more than on new text: this
corpus measures the speed on text whose words keep changing.
"""
import csv, io, json, os, re, sys, zipfile

def main():
    out_dir = sys.argv[1]
    limit = float(sys.argv[2] if len(sys.argv) > 2 else 4) * 1024 * 1024
    here = os.path.dirname(os.path.abspath(__file__))
    src = os.path.join(here, '..', '..', '..', 'shared', 'corpora', 'gmb', 'ner_dataset.csv.zip')
    z = zipfile.ZipFile(src)
    rows = csv.reader(io.TextIOWrapper(z.open(z.namelist()[0]), encoding='latin-1'))
    next(rows)
    sents, cur = [], []
    for row in rows:
        if row[0].startswith('Sentence') and cur:
            sents.append(cur)
            cur = []
        cur.append(row[1])
    if cur:
        sents.append(cur)
    os.makedirs(out_dir, exist_ok=True)
    size = 0
    with open(os.path.join(out_dir, 'gmb.jsonl'), 'w') as out:
        for n, i in enumerate(range(0, len(sents), 25)):
            text = ' '.join(detok(s) for s in sents[i:i + 25])
            line = json.dumps({'id': 'gmb-%d' % n, 'text': text})
            out.write(line + '\n')
            size += len(line) + 1
            if size >= limit:
                break

def detok(words):
    s = ' '.join(words)
    s = re.sub(r' ([.,;:!?%)])', r'\1', s)
    s = re.sub(r'([($]) ', r'\1', s)
    return s.replace(" 's", "'s")

if __name__ == '__main__':
    main()
