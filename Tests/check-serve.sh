#!/usr/bin/env bash
# `swift run safetyplan serve` (the README's command) prints one address on 127.0.0.1 with a
# token; opening it gives a session cookie, and the start page; SIGTERM stops it (a background
# job ignores SIGINT, as the shell sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
trap 'kill "$pid" 2>/dev/null || true; rm -f "$out"' EXIT
swift build -q --product safetyplan
"$(swift build --show-bin-path)/safetyplan" serve > "$out" 2>/dev/null &
pid=$!
address=""
for _ in $(seq 1 600); do
    address=$(grep -o 'http://127\.0\.0\.1:[0-9]*/?token=[0-9a-f]\{64\}' "$out" || true)
    [ -n "$address" ] && break
    sleep 1
done
[ -n "$address" ] || { echo "check-serve: no address printed"; cat "$out"; exit 1; }
base=${address%%/\?*}
jar=$(mktemp)
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" "$address")
[ "$status" = 303 ] || { echo "check-serve: the address gave $status, not 303"; exit 1; }
grep -q 'HttpOnly' "$jar" || true
curl -s -b "$jar" "$base/" | grep -q '<title>My plan</title>' ||
    { echo "check-serve: no start page"; exit 1; }
kill -TERM "$pid"
wait "$pid" && status=0 || status=$?
rm -f "$jar"
[ "$status" = 143 ] || { echo "check-serve: SIGTERM ended the server with status $status, not 143"; exit 1; }
echo "check-serve: the address answered with a session and the start page; SIGTERM stopped it (143)"
