#!/usr/bin/env bash
# Measures wall time and peak memory of the release build on every hostile input
# (not part of CI; run by hand and record the figures). Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release -q --product safetyplan
bin=$(swift build -c release --show-bin-path)/safetyplan
corpus=Tests/safetyplanTests/Fixtures/hostile
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
printf '%-34s %8s %10s\n' input seconds max_rss_kb
measure() {
    local name=$1; shift
    /usr/bin/time -f '%e %M' -o "$work/t" "$bin" "$@" >/dev/null 2>&1 || true
    read -r s m < <(tail -n 1 "$work/t")
    printf '%-34s %8s %10s\n' "$name" "$s" "$m"
}
for f in "$corpus"/templates/*.xml; do
    d="$work/$(basename "$f" .xml)"; mkdir -p "$d"; cp "$f" "$d/plan.xml"
    measure "templates/$(basename "$f")" generate --stage preparation --templates "$d"
done
python3 -c "print('<?xml version=\"1.0\"?><template xmlns=\"urn:safetyplanner:template:1\" title=\"T\">' + '<section>'*100000 + '</section>'*100000 + '</template>')" > "$work/deep.xml"
mkdir -p "$work/deep"; mv "$work/deep.xml" "$work/deep/plan.xml"
measure "templates/deep-nesting-100000" generate --stage preparation --templates "$work/deep" --max-input-size 4000000
for f in "$corpus"/data/*.json; do
    measure "data/$(basename "$f")" generate --stage preparation --format html --data "$f"
done
