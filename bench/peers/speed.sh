#!/bin/sh
# Speed of faultline's whole extract pipeline against compromise's entity extraction, on
# the same text (by default synthetic: demo articles' paragraphs, `faultline bench --write-corpus`), in
# one run, each on one core. Prints the ratio of tokens per second (wall clock), and of tokens
# per CPU second, which the load of other processes on a shared machine distorts less.
# Both rates count faultline's tokens of the text. Both processes are pinned to one CPU
# (taskset -c 0, when taskset exists): node's garbage collector and compiler threads would
# otherwise use a second core, which the wall-clock rate would credit to compromise (the
# CPU-second rates count every thread of each process either way).
# Run from the repository root: sh bench/peers/speed.sh [MiB of text, default 1] [DIR]
# (FAULTLINE=path uses that binary instead of building one). With DIR, the JSON Lines files
# in DIR are the text instead of a synthetic corpus (whose paragraphs repeat: word caches hit
# more than on new text), e.g. news of real vocabulary written by
# `python3 bench/peers/gmb_text.py DIR` (the MiB argument is then ignored).
set -e
mb=${1:-1}
text=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
if [ -n "$FAULTLINE" ]; then cp "$FAULTLINE" "$dir/faultline"; else go build -o "$dir/faultline" ./cmd/faultline; fi
if [ -n "$text" ]; then
	mkdir "$dir/corpus" && cp "$text"/*.jsonl "$dir/corpus/"
else
	"$dir/faultline" bench --write-corpus "$dir/corpus" --mb "$mb" >&2
fi
pin=""
if command -v taskset >/dev/null 2>&1; then pin="taskset -c 0"; fi
fl=$($pin "$dir/faultline" bench --corpus "$dir/corpus" --cpus 1 --ingest-docs 0 | tail -1)
echo "faultline: $fl"
(cd bench/peers/compromise && npm install --no-audit --no-fund >/dev/null)
cp=$(cd bench/peers/compromise && $pin node speed.mjs "$dir"/corpus/*.jsonl | tail -1)
echo "$cp"
echo "$fl" "$cp" | awk '{
	for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
	c = v["tokens"] / v["seconds"]
	cc = v["tokens"] / v["cpu_seconds"]
	printf "peers tokens=%d faultline_tokens_per_s=%.0f compromise_tokens_per_s=%.0f ratio=%.1f faultline_tokens_per_cpu_s=%.0f compromise_tokens_per_cpu_s=%.0f cpu_ratio=%.1f\n",
		v["tokens"], v["tokens_per_s"], c, v["tokens_per_s"] / c, v["tokens_per_cpu_s"], cc, v["tokens_per_cpu_s"] / cc
}'
