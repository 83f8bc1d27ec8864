#!/bin/bash
# Prints the page count of every shipped document, as printed: PDF on Letter (pdfinfo, with
# the headless Chromium of --format pdf) and paginated text at 66 lines (form feeds + 1).
# Every template x stage x language x copy (youth, advocate, discreet), with no data and
# with the samples (Samples/*.json and each record of Samples/youth.jsonl).
#
# Usage: Tests/page-counts.sh [PATH-TO-safetyplan] > counts.csv   (document,pdf,text)
# Compare two runs (before and after a change) with `join -t, before.csv after.csv`: no
# printed document may get longer. Needs chromium-headless-shell (or chromium) and pdfinfo.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
tool=${1:-$root/.build/debug/safetyplan}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
i=0
while IFS= read -r line; do
  i=$((i + 1))
  printf '%s\n' "$line" > "$work/youth-$i.json"
done < "$root/Samples/youth.jsonl"
count() { # name, arguments...
  local name=$1
  shift
  "$tool" "$@" --format pdf -o "$work/out.pdf" 2> "$work/err" || { echo "$name,failed,failed"; return; }
  local pdf text
  pdf=$(pdfinfo "$work/out.pdf" | awk '/^Pages:/ { print $2 }')
  text=$("$tool" "$@" --format text | tr -cd '\f' | wc -c)
  echo "$name,$pdf,$((text + 1))"
}
copies=(youth advocate discreet)
copy() { case $1 in youth) ;; advocate) echo --audience advocate ;; discreet) echo --discreet ;; esac; }
for lang in en es; do
  for stage in pre-contemplation contemplation preparation action maintenance; do
    for c in "${copies[@]}"; do
      # shellcheck disable=SC2046
      count "plan-$lang-$stage-$c" generate --stage "$stage" --language "$lang" $(copy "$c")
    done
    count "youth-handout-$lang-$stage-youth" handout youth --stage "$stage" --language "$lang"
    count "youth-handout-$lang-$stage-discreet" handout youth --stage "$stage" --language "$lang" --discreet
  done
  count "provider-handout-$lang" handout provider --language "$lang"
  for c in "${copies[@]}"; do
    # shellcheck disable=SC2046
    {
      count "form-$lang-$c" fill maintenance-support --language "$lang" $(copy "$c")
      count "form-$lang-$c-sample" fill maintenance-support --language "$lang" \
        --data "$root/Samples/maintenance-support.json" $(copy "$c")
      count "plan-$lang-preparation-$c-sample" generate --language "$lang" \
        --data "$root/Samples/preparation.json" $(copy "$c")
      for n in $(seq 1 "$i"); do
        count "plan-$lang-record$n-$c" generate --language "$lang" --data "$work/youth-$n.json" $(copy "$c")
      done
    }
  done
done
for c in "${copies[@]}"; do
  # shellcheck disable=SC2046
  count "plan-preparation-es-sample-$c" generate --data "$root/Samples/preparation-es.json" $(copy "$c")
done
