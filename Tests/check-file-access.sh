#!/usr/bin/env bash
# Runs the built tool on every hostile template and data file under strace and fails if it
# opens any file beyond its named inputs and outputs (and the system's shared libraries
# and the runtime's two /proc and /sys reads), or makes any network connection. The
# output's folder itself may be opened: the tool lists it for stale temporary files of
# its own (README, "What a failed or interrupted run leaves").
#
# Then it prints the sample plan with --format pdf under strace, following Chromium and
# every helper it starts, and fails on any connect() to an address outside the machine
# (anything but a Unix socket, 127.0.0.0/8 or ::1).
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

# audit LOG ALLOWED...: every openat must be a library, the runtime's reads, or allowed: an
# ALLOWED starting with '=' is one exact path, any other a prefix.
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
            case "$prefix" in
                =*) [ "$path" = "${prefix#=}" ] && ok=yes ;;
                *) case "$path" in "$prefix"*) ok=yes ;; esac ;;
            esac
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
    audit "$work/$name.log" "$dir" "$work/.out-$name.txt." "$work/out-$name.txt" "=$work"
    runs=$((runs + 1))
done
# lint reads the folder it is given and nothing else, hostile files included.
for file in "$corpus"/templates/*.xml; do
    name=$(basename "$file" .xml)
    dir="$work/templates-$name"
    strace -f -qq -e trace=openat,connect,socket -o "$work/lint-$name.log" \
        "$bin" lint "$dir" >/dev/null 2>&1 || true
    # /etc/localtime: today's date, which verified= dates are measured from.
    audit "$work/lint-$name.log" "$dir" "=/etc/localtime"
    runs=$((runs + 1))
done
for file in "$corpus"/data/*.json; do
    name=$(basename "$file" .json)
    for format in text html; do
        strace -f -qq -e trace=openat,connect,socket -o "$work/$name-$format.log" \
            "$bin" generate --stage preparation --format "$format" --data "$file" -o "$work/out-$name.$format" >/dev/null 2>&1 || true
        audit "$work/$name-$format.log" "$file" "$work/.out-$name.$format." "$work/out-$name.$format" "=$work"
        runs=$((runs + 1))
    done
done
# The interview: piped answers, and at a terminal (script gives it one; libedit reads the
# terminal's terminfo entry and the locale's character type, never ~/.editrc or a history
# file). Only the answers file and the document are written.
printf '3\nMaya\n\n\n\n\n\nGo back to school\n\n' > "$work/answers.txt"
strace -f -qq -e trace=openat,connect,socket -o "$work/interview.log" \
    "$bin" generate --interactive --save-answers "$work/a.json" -o "$work/plan-interview.txt" \
    < "$work/answers.txt" >/dev/null 2>&1 ||
    { echo "check-file-access: the piped interview failed"; problems=$((problems + 1)); }
audit "$work/interview.log" "=/etc/localtime" "$work/.a.json." "=$work/a.json" "$work/.plan-interview.txt." \
    "=$work/plan-interview.txt" "=$work"
runs=$((runs + 1))
# assess: the data file read, the same file written back with --record (its temporary
# beside it, then renamed), the document; the piped questions write only what they name.
cp Samples/assessment.json "$work/alex.json"
strace -f -qq -e trace=openat,connect,socket -o "$work/assess.log" \
    "$bin" assess --data "$work/alex.json" --record "$work/alex.json" --format html -o "$work/assess.html" \
    >/dev/null 2>&1 || { echo "check-file-access: assess --record failed"; problems=$((problems + 1)); }
audit "$work/assess.log" "=/etc/localtime" "=$work/alex.json" "$work/.alex.json." "$work/.assess.html." \
    "=$work/assess.html" "=$work"
runs=$((runs + 1))
printf '\n2 9\nMy own place.\n3\n8\n4\n\n' > "$work/assess-answers.txt"
strace -f -qq -e trace=openat,connect,socket -o "$work/assess-interview.log" \
    "$bin" assess --interactive --record "$work/new.json" -o "$work/assess.txt" \
    < "$work/assess-answers.txt" >/dev/null 2>&1 ||
    { echo "check-file-access: the piped assess questions failed"; problems=$((problems + 1)); }
audit "$work/assess-interview.log" "=/etc/localtime" "$work/.new.json." "=$work/new.json" "$work/.assess.txt." \
    "=$work/assess.txt" "=$work"
runs=$((runs + 1))
if command -v script >/dev/null; then
    { sleep 1; printf '3\r'; sleep 0.3; printf 'Maya\r'; sleep 0.3; printf '\004'; sleep 0.5; } |
        TERM=xterm script -qfec "strace -f -qq -e trace=openat,connect,socket -o '$work/terminal.log' \
            '$bin' generate --interactive -o '$work/plan-terminal.txt'" /dev/null >/dev/null 2>&1 || true
    grep -q 'generate' "$work/terminal.log" 2>/dev/null || grep -q 'openat' "$work/terminal.log" ||
        { echo "check-file-access: the terminal interview did not run"; problems=$((problems + 1)); }
    audit "$work/terminal.log" "=/etc/localtime" /usr/share/locale/ /usr/lib/locale/ /usr/lib/x86_64-linux-gnu/gconv/ \
        /lib/terminfo/ /usr/share/terminfo/ /etc/terminfo/ "=$work"
    [ ! -e "$work/plan-terminal.txt" ] ||
        { echo "check-file-access: Ctrl-D at the terminal wrote a plan"; problems=$((problems + 1)); }
    runs=$((runs + 1))
fi
# --format pdf: the tool and Chromium (with all its helpers) connect to nothing outside the
# machine. Chromium is found as the tool finds it (chromium-headless-shell first).
pdf_runs=0
if "$bin" generate --stage preparation --format pdf -o "$work/probe.pdf" >/dev/null 2>&1; then
    strace -f -qq -e trace=connect -o "$work/pdf.log" \
        "$bin" generate --data Samples/preparation.json --format pdf -o "$work/plan.pdf" >/dev/null 2>&1 ||
        { echo "check-file-access: --format pdf failed under strace"; problems=$((problems + 1)); }
    while IFS= read -r line; do
        case "$line" in
            *"sa_family=AF_UNIX"* | *'inet_addr("127.'* | *'"::1"'*) ;;
            *) echo "network call during --format pdf: $line"; problems=$((problems + 1)) ;;
        esac
    done < <(grep 'connect(' "$work/pdf.log" || true)
    pdf_runs=1
else
    echo "check-file-access: no Chromium for --format pdf; the PDF run is skipped"
fi
runs=$((runs + pdf_runs))
echo "check-file-access: $runs runs under strace, $problems unexpected file or network accesses"
[ "$problems" -eq 0 ]
