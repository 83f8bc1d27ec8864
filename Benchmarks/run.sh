#!/usr/bin/env bash
# The render benchmark: safetyplan batch against the workload's anchors (xsltproc, Jinja2)
# on the same records and the same document. See README.md; writes RESULTS.md.
#
#   bash Benchmarks/run.sh                       # full run (~10 min on the 2-core dev machine)
#   RUNS=2 NS="1 1000" bash Benchmarks/run.sh    # smoke run (do not publish its numbers)
#
# Needs: the workload folder (WORKLOAD, default ../shared/bench beside this repository),
# python3 with jinja2, xsltproc, hyperfine, GNU time (apt-get install -y xsltproc hyperfine time).
# Data and output go to $BENCH_OUT (default /tmp/bench-out, disk-backed like the anchors').
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORKLOAD=$(cd "${WORKLOAD:-$ROOT/../shared/bench}" && pwd)
OUT=${BENCH_OUT:-/tmp/bench-out}
SHM=${BENCH_SHM:-/dev/shm/safetyplan-bench}
RES=$ROOT/Benchmarks/results
RUNS=${RUNS:-5}
COLD_RUNS=${COLD_RUNS:-20}
RSS_RUNS=${RSS_RUNS:-3}
NS=${NS:-"1 1000 10000"}
JOBS=$(nproc)
SCRATCH=${SCRATCH:-.build-perf2}

for t in hyperfine xsltproc /usr/bin/time swift; do
  command -v "$t" >/dev/null || { echo "missing $t (apt-get install -y xsltproc hyperfine time)" >&2; exit 1; }
done
PY=$(python3 -c 'import sys; print(sys.executable)')
"$PY" -c 'import jinja2' || { echo "jinja2 not importable by $PY" >&2; exit 1; }

mkdir -p "$OUT/data" "$RES"
rm -f "$RES"/*
echo "== build (release)"
swift build -c release --scratch-path "$SCRATCH" 2>&1 | tail -1
TOOL=$ROOT/$SCRATCH/release/safetyplan

echo "== data (outside the timed region): the workload's records, converted to our JSONL"
"$PY" - "$WORKLOAD" "$OUT/data" $NS <<'PYEOF'
import importlib.util, json, os, sys
workload, out, ns = sys.argv[1], sys.argv[2], [int(n) for n in sys.argv[3:]]
spec = importlib.util.spec_from_file_location("gen_data", os.path.join(workload, "gen_data.py"))
g = importlib.util.module_from_spec(spec); spec.loader.exec_module(g)
for n in ns:
    recs = g.records(n)
    with open(os.path.join(out, "clients-%d.json" % n), "w", encoding="utf-8") as f:
        json.dump(recs, f, ensure_ascii=False, indent=1); f.write("\n")
    with open(os.path.join(out, "clients-%d.xml" % n), "w", encoding="utf-8") as f:
        f.write(g.to_xml(recs))
PYEOF
# Records carry an age (12 to 24) and a history, as real data files do; the -noage copies
# leave the age out, for the rows that measure what the age costs.
for n in $NS; do
  "$PY" Benchmarks/convert.py "$OUT/data/clients-$n.json" "$OUT/data/clients-$n.jsonl"
  "$PY" Benchmarks/convert.py --no-age "$OUT/data/clients-$n.json" "$OUT/data/clients-$n-noage.jsonl"
done

{
  echo "date_utc: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc) (nproc)"
  echo "memory: $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "os: $(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "swift: $(swift --version 2>&1 | head -1)"
  echo "python: $("$PY" -c 'import sys, importlib.metadata as m; print(sys.version.split()[0], "jinja2", m.version("jinja2"))')"
  echo "xsltproc: $(xsltproc --version | head -1)"
  echo "hyperfine: $(hyperfine --version)"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
  echo "loadavg_start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$RES/machine.txt"
cat "$RES/machine.txt"

# cmd TOOL FORMAT N -> the command that is timed
cmd() {
  local a=$1 f=$2 n=$3 ours
  ours="$TOOL batch --data $OUT/data/clients-$n.jsonl --templates Benchmarks/templates --template bench-plan --page-length 0"
  case $a in
    # ours-1, ours-j: one output file, like the anchors (the like-for-like rows)
    ours-1)   echo "$ours --format $(tf "$f") -o $OUT/ours-1-$n.$f --jobs 1" ;;
    # ours-noage: as ours-1, on the same records without their ages
    ours-noage) echo "${ours/clients-$n.jsonl/clients-$n-noage.jsonl} --format $(tf "$f") -o $OUT/ours-noage-$n.$f --jobs 1" ;;
    # one document, process start to exit: the three jobs of the README on the samples
    generate) echo "$TOOL generate --data Samples/preparation.json --format $(tf "$f") -o $OUT/generate.$f" ;;
    fill)     echo "$TOOL fill maintenance-support --data Samples/maintenance-support.json --format $(tf "$f") -o $OUT/fill.$f" ;;
    handout)  echo "$TOOL handout youth --stage contemplation --format $(tf "$f") -o $OUT/handout.$f" ;;
    ours-j)   echo "$ours --format $(tf "$f") -o $OUT/ours-j-$n.$f --jobs $JOBS" ;;
    # ours-fresh(j): as ours-1 and ours-j, the previous run's file removed first (PREPARE)
    ours-fresh)  echo "$ours --format $(tf "$f") -o $OUT/ours-fresh-$n.$f --jobs 1" ;;
    ours-freshj) echo "$ours --format $(tf "$f") -o $OUT/ours-fresh-$n.$f --jobs $JOBS" ;;
    # ours-dir, ours-shm: one private file per document, on disk and on tmpfs
    ours-dir) echo "$ours --format $(tf "$f") --output-dir $OUT/ours-dir-$f-$n --jobs 1" ;;
    ours-shm) echo "$ours --format $(tf "$f") --output-dir $SHM/ours-$f-$n --jobs 1" ;;
    xslt)     echo "xsltproc -o $OUT/xslt-$n.$f $WORKLOAD/templates/plan.$f.xsl $OUT/data/clients-$n.xml" ;;
    jinja2)   echo "$PY $WORKLOAD/anchors/jinja2/render.py --data $OUT/data/clients-$n.json --out $OUT/jinja2-$n.$f --format $f --templates $WORKLOAD/templates" ;;
  esac
}
tf() { [ "$1" = txt ] && echo text || echo html; }

echo "== verify (N=1000): our documents against the Jinja2 anchor's"
if [[ " $NS " == *" 1000 "* ]]; then
  for f in html txt; do $(cmd jinja2 $f 1000) > /dev/null 2>&1; $(cmd ours-dir $f 1000) 2> /dev/null; done
  "$PY" Benchmarks/verify.py "$OUT/ours-dir-html-1000" "$OUT/ours-dir-txt-1000" "$OUT/jinja2-1000.html" "$OUT/jinja2-1000.txt" 1000 | tee "$RES/verify.txt"
fi

measure() {  # measure ANCHOR FORMAT N RUNS WARMUP
  local a=$1 f=$2 n=$3 runs=$4 warm=$5 key="$1-$2-$3" c
  c=$(cmd "$a" "$f" "$n")
  echo "-- $key: $c"
  # The fresh rows remove the output first: replacing a file makes ext4 write its data out
  # at the rename (auto_da_alloc), which the other rows pay, as the anchors do for theirs.
  local prepare=true
  case $a in ours-fresh*) prepare="rm -f $OUT/ours-fresh-$n.$f" ;; esac
  hyperfine -N --style basic --runs "$runs" --warmup "$warm" --prepare "$prepare" \
    --export-json "$RES/time-$key.json" "$c" \
    > "$RES/hyperfine-$key.log" 2>&1 || { cat "$RES/hyperfine-$key.log"; exit 1; }
  grep -E "Time|Range" "$RES/hyperfine-$key.log" | sed 's/^/   /'
  : > "$RES/rss-$key.txt"
  for _ in $(seq "$RSS_RUNS"); do
    /usr/bin/time -f "%e %M" -a -o "$RES/rss-$key.txt" $c > /dev/null 2>/dev/null
  done
}

echo "== measure"
mkdir -p "$SHM"
for n in $NS; do
  for f in html txt; do
    for a in ours-1 ours-noage ours-j xslt jinja2; do
      if [ "$n" = 1 ]; then
        [ "$a" = ours-j ] || [ "$a" = ours-noage ] || measure "$a" "$f" 1 "$COLD_RUNS" 3
      else
        measure "$a" "$f" "$n" "$RUNS" 1
      fi
    done
    if [ "$n" = 1 ]; then
      for a in generate fill handout; do measure "$a" "$f" 1 "$COLD_RUNS" 3; done
    fi
    if [ "$n" = 10000 ]; then
      measure ours-fresh "$f" "$n" "$RUNS" 1
      measure ours-freshj "$f" "$n" "$RUNS" 1
      measure ours-dir "$f" "$n" "$RUNS" 1
      measure ours-shm "$f" "$n" "$RUNS" 1
    fi
  done
done
rm -rf "$SHM"
echo "loadavg_end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RES/machine.txt"
"$PY" Benchmarks/summarize.py "$RES" > Benchmarks/RESULTS.md
echo "== wrote Benchmarks/RESULTS.md"
