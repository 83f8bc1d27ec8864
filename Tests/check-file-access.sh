#!/usr/bin/env bash
# Runs the built tool on every hostile template and data file under strace and fails if it
# opens any file beyond its named inputs and outputs (and the system's shared libraries
# and the runtime's two /proc and /sys reads), or makes any network connection.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v strace >/dev/null || { echo "check-file-access: strace is not installed" >&2; exit 1; }
swift build -q --product safetyplan
bin=$(swift build --show-bin-path)/safetyplan
corpus=Tests/safetyplanTests/Fixtures/hostile
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
runs=0
problems=0

# audit LOG ALLOWED_PREFIX...: every openat must be a library, the runtime's reads, or allowed.
audit() {
    local log=$1; shift
    local line path ok prefix
    while IFS= read -r line; do
        case "$line" in
            *"connect("* | *"socket("*)
                echo "network call: $line"; problems=$((problems + 1)); continue ;;
        esac
        path=$(sed -n 's/.*openat([^,]*, "\([^"]*\)".*/\1/p' <<<"$line")
        [ -n "$path" ] || continue
        case "$line" in *"= -1 ENOENT"*) case "$path" in *.so* | /etc/ld.so*) continue ;; esac ;; esac
        case "$path" in
            /etc/ld.so.cache | /proc/self/maps | /sys/devices/system/cpu/possible) continue ;;
            /lib/*.so* | /usr/lib/*.so* | /lib64/*.so* | /usr/lib64/*.so* | /opt/swift/usr/lib/*.so* | /usr/local/lib/*.so*) continue ;;
        esac
        ok=no
        for prefix in "$@"; do
            case "$path" in "$prefix"*) ok=yes ;; esac
        done
        if [ "$ok" = no ]; then
            echo "unexpected open: $path ($log)"; problems=$((problems + 1))
        fi
    done < <(grep -E 'openat\(|connect\(|socket\(' "$log")
}

for file in "$corpus"/templates/*.xml; do
    name=$(basename "$file" .xml)
    dir="$work/templates-$name"; mkdir -p "$dir"; cp "$file" "$dir/plan.xml"
    strace -f -qq -e trace=openat,connect,socket -o "$work/$name.log" \
        "$bin" generate --stage preparation --templates "$dir" -o "$work/out-$name.txt" >/dev/null 2>&1 || true
    audit "$work/$name.log" "$dir" "$work/.out-$name.txt." "$work/out-$name.txt"
    runs=$((runs + 1))
done
for file in "$corpus"/data/*.json; do
    name=$(basename "$file" .json)
    for format in text html; do
        strace -f -qq -e trace=openat,connect,socket -o "$work/$name-$format.log" \
            "$bin" generate --stage preparation --format "$format" --data "$file" -o "$work/out-$name.$format" >/dev/null 2>&1 || true
        audit "$work/$name-$format.log" "$file" "$work/.out-$name.$format." "$work/out-$name.$format"
        runs=$((runs + 1))
    done
done
echo "check-file-access: $runs runs under strace, $problems unexpected file or network accesses"
[ "$problems" -eq 0 ]
