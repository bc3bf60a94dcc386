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
# captured at that height, in parts of 16,000 px stacked into one PNG when it is taller
# (scripts/stack_png.py, standard library only). The page itself is never changed. Chromium
# runs with a throw-away profile and its background networking off: the page needs none.
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
# Chromium paints a screenshot only so far down (16,384 px on some machines, about 43,000 on
# this one; below it the picture is blank): a taller page is taken in parts this tall.
PART=16000
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
if ((height <= PART)); then
    chrome --window-size="$width,$height" --screenshot="$out" "file://$page" >/dev/null 2>&1 || true
else
    # Laid out as in one window of the page's height (the copy's vh made that window's
    # pixels), then taken a part at a time, the copy moved up by the parts above, and stacked.
    full="$work/full.html"
    perl -pe "s/([0-9]+(?:\.[0-9]+)?)vh\b/sprintf('%.2fpx', \$1 * $height \/ 100)/ge" "$page" >"$full"
    parts=()
    for ((top = 0; top < height; top += PART)); do
        part="$work/part-$top"
        cp -- "$full" "$part.html"
        printf '<style>html{margin-top:-%dpx!important}</style>\n' "$top" >>"$part.html"
        rows=$((height - top < PART ? height - top : PART))
        chrome --window-size="$width,$rows" --screenshot="$part.png" "file://$part.html" \
            >/dev/null 2>&1 || true
        if [[ ! -s $part.png ]]; then
            echo "$0: chromium wrote no screenshot of the part from ${top} px" >&2
            exit 1
        fi
        parts+=("$part.png")
    done
    python3 "$(dirname -- "$0")/stack_png.py" "$out" "${parts[@]}"
fi
if [[ ! -s $out ]]; then
    echo "$0: chromium wrote no screenshot" >&2
    exit 1
fi
if ((height <= PART)); then
    echo "$out (${width}x${height})"
else
    echo "$out (${width}x${height}, in ${#parts[@]} parts)"
fi
