#!/usr/bin/env bash
# Render an HTML page (a report, a rubric's 对照表) in headless Chromium (Debian's `chromium`
# package) and save a PNG of the whole page, however tall.
#
#   scripts/screenshot_html.sh PAGE.html [OUT.png] [WIDTH]
#
# e.g. .venv/bin/branchcheck report examples -f html -o /tmp/r.html && scripts/screenshot_html.sh /tmp/r.html
#
# Chromium's --screenshot captures the window only, so the page's height is measured first:
# a copy of the page with a one-line script that writes its height into the title is read back
# with --dump-dom, at the window height found so far, until the height stops changing (the page
# has parts sized to the window: a table is at most 78% of its height). Then the page is
# captured at that height. The page itself is never changed. Chromium runs with a throw-away
# profile and its background networking off: the page needs none.
set -euo pipefail
if [[ $# -lt 1 || ! -f $1 ]]; then
    echo "usage: $0 PAGE.html [OUT.png] [WIDTH]" >&2
    exit 2
fi
page=$(realpath -- "$1")
out=$(realpath -m -- "${2:-${1%.*}.png}")
width=${3:-1400}
width=${width%%,*} # WIDTH,HEIGHT as before: the height is measured now
if [[ ! $width =~ ^[0-9]+$ ]] || ((width < 200)); then
    echo "$0: WIDTH must be a number of pixels, at least 200" >&2
    exit 2
fi
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [[ -z $browser ]]; then
    echo "$0: chromium not found (apt-get install chromium, or set CHROMIUM=...)" >&2
    exit 2
fi
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT

chrome() {
    "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --force-device-scale-factor=1 --user-data-dir="$work/profile" "$@"
}

# The copy sits beside nothing the page could need: the page is self-contained.
probe="$work/probe.html"
cp -- "$page" "$probe"
printf '%s\n' '<script>document.title="branchcheck-height:"+Math.ceil(Math.max(document.documentElement.scrollHeight,document.body?document.body.scrollHeight:0))</script>' >>"$probe"

height=1000
for _ in 1 2 3 4 5; do
    measured=$(chrome --window-size="$width,$height" --dump-dom "file://$probe" 2>/dev/null |
        grep -o 'branchcheck-height:[0-9]*' | head -n 1 | cut -d: -f2 || true)
    if [[ -z $measured ]]; then
        echo "$0: chromium could not measure the page" >&2
        exit 1
    fi
    if ((measured <= height)); then
        break
    fi
    height=$measured
done
if ((measured > height)); then
    height=$measured # still growing with the window: take the last measure
fi

rm -f -- "$out"
chrome --window-size="$width,$height" --screenshot="$out" "file://$page" >/dev/null 2>&1 || true
if [[ ! -s $out ]]; then
    echo "$0: chromium wrote no screenshot" >&2
    exit 1
fi
echo "$out (${width}x${height})"
