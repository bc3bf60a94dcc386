#!/usr/bin/env bash
# Render an HTML report in headless Chromium (Debian's `chromium` package) and save a PNG.
#
#   scripts/screenshot_html.sh REPORT.html [OUT.png] [WIDTH,HEIGHT]
#
# e.g. .venv/bin/branchcheck report examples -f html -o /tmp/r.html && scripts/screenshot_html.sh /tmp/r.html
# Chromium runs with a throw-away profile and its background networking off: the page needs none.
set -euo pipefail
if [[ $# -lt 1 || ! -f $1 ]]; then
    echo "usage: $0 REPORT.html [OUT.png] [WIDTH,HEIGHT]" >&2
    exit 2
fi
page=$(realpath -- "$1")
out=$(realpath -m -- "${2:-${1%.*}.png}")
size=${3:-1400,3000}
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [[ -z $browser ]]; then
    echo "$0: chromium not found (apt-get install chromium, or set CHROMIUM=...)" >&2
    exit 2
fi
profile=$(mktemp -d)
trap 'rm -rf -- "$profile"' EXIT
rm -f -- "$out"
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" --window-size="$size" \
    --screenshot="$out" "file://$page" >/dev/null 2>&1 || true
if [[ ! -s $out ]]; then
    echo "$0: chromium wrote no screenshot" >&2
    exit 1
fi
echo "$out"
