#!/bin/sh
# Peer comparison of entity recognition on wikigold and the held-out GMB sentences.
# Run from the repository root: sh bench/peers/run.sh
set -e
corpora=$(cd "${CORPORA:-../shared/corpora}" && pwd) # absolute: the peers run in their own folders
dev=${TMPDIR:-/tmp}/faultline_gmb_dev.conll
wiki=$corpora/wikigold/wikigold_en_test.conllu
go run ./cmd/faultline eval ner --corpus "$corpora" --write-dev "$dev" | tail -1
for f in "$wiki" "$dev"; do
	echo "== $f"
	echo "faultline: $(go run ./cmd/faultline eval ner --conll "$f" | tail -1)"
	(cd bench/peers/prose && go run . "$f" | tail -1)
	(cd bench/peers/compromise && npm install --no-audit --no-fund >/dev/null && node score.mjs "$f" | tail -1)
done
