#!/usr/bin/env bash
# Real-terminal check of HemoLab's pixel images: in xterm -ti vt340 (sixel) under Xvfb, takes a
# screenshot of `hemolab show` on a real RSNA slice (a synthetic one without the shared data)
# and of the lesson's inspect viewer, crops the image and compares it with its source: the HU
# values windowed independently (show), or the image HemoLab handed the terminal
# (HEMOLAB_GRAPHICS_DUMP, lesson). Passes when each Pearson correlation of luma is >= 0.9.
# Installs xterm, xvfb, imagemagick and xdotool when missing. Usage: xterm-sixel-check.sh BIN [OUT]
set -euo pipefail
BIN=$(realpath "${1:?usage: xterm-sixel-check.sh path/to/hemolab [outdir]}")
OUT=${2:-/tmp/hemolab-xterm-check}
HERE=$(cd "$(dirname "$0")" && pwd)
need=()
command -v xterm >/dev/null || need+=(xterm)
command -v Xvfb >/dev/null || need+=(xvfb)
command -v import >/dev/null || need+=(imagemagick)
command -v xdotool >/dev/null || need+=(xdotool)
command -v xwininfo >/dev/null || need+=(x11-utils)
fc-list 2>/dev/null | grep -q "DejaVu Sans Mono" || need+=(fonts-dejavu-core fontconfig)
if [ ${#need[@]} -gt 0 ]; then
  echo "xterm-check: installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
if ! python3 -c "import numpy, PIL" 2>/dev/null; then
  echo "xterm-check: installing numpy and Pillow"
  python3 -m pip install -q numpy pillow >/dev/null 2>&1 || true
fi
python3 -c "import numpy, PIL" 2>/dev/null || { echo "xterm-check: needs python3 numpy and PIL"; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT/dump"
DISPLAY_NUMBER=${XTERM_CHECK_DISPLAY:-:93}
Xvfb "$DISPLAY_NUMBER" -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB=$!
XTERM=""
cleanup() {
  [ -n "$XTERM" ] && kill "$XTERM" 2>/dev/null
  kill "$XVFB" 2>/dev/null
}
trap cleanup EXIT
export DISPLAY=$DISPLAY_NUMBER
sleep 2
start_xterm() { # title command
  xterm -ti vt340 -geometry 120x36+0+0 -fa 'DejaVu Sans Mono' -fs 11 -bg white -fg black \
    -xrm 'XTerm*numColorRegisters: 256' -title "$1" -e bash -c "$2" &
  XTERM=$!
  sleep 3
}
window_inside() { # title -> "x y width height" of the window's inside (xterm's border: 2 px)
  xwininfo -name "$1" | awk '/Absolute upper-left X/{x=$4} /Absolute upper-left Y/{y=$4}
    /Width:/{w=$2} /Height:/{h=$2} END{print x+2, y+2, w-4, h-4}'
}
status=0

# 1. hemolab show on a slice, at 40 columns, caption off, cursor hidden.
DCM=$(ls /work/shared/data/rsna-ich-dicom/*.dcm 2>/dev/null | head -1 || true)
if [ -n "$DCM" ]; then
  "$BIN" info "$DCM" --dump-hu "$OUT/slice.f32" --force >/dev/null
  W=$("$BIN" info "$DCM" --json | python3 -c "import json,sys; r=json.load(sys.stdin); print(r['width'], r['height'])")
  SOURCE="$DCM"
else
  echo "xterm-check: /work/shared/data absent: show uses a synthetic slice (phantom seed 7)"
  SOURCE="--phantom 7"
  W=""
fi
start_xterm show-check "printf '\\033[?25l'; LANG=C.UTF-8 '$BIN' show $SOURCE --graphics sixel --width 40 --quiet \
  2>'$OUT/show.err'; sleep 30"
sleep 2
import -window root "$OUT/show.png"
read -r OX OY OW OH < <(window_inside show-check)
kill "$XTERM" 2>/dev/null; XTERM=""
if [ -z "$W" ]; then
  # Reference for the synthetic slice: the kitty payload of the same rendering is exact pixels.
  LANG=C.UTF-8 "$BIN" show --phantom 7 --graphics kitty --width 40 --quiet > "$OUT/show.kitty"
fi
python3 "$HERE/xterm-compare.py" show "$OUT" "$OX" "$OY" "$OW" "$OH" "$W" || status=1

# 2. The lesson: experiment 1 at full speed, inspect its first cell, the first image large.
start_xterm lesson-check "LANG=C.UTF-8 TERM=xterm-256color HEMOLAB_GRAPHICS_DUMP='$OUT/dump' '$BIN' --graphics sixel; sleep 30"
WID=$(xdotool search --name lesson-check | head -1)
xdotool windowfocus --sync "$WID" 2>/dev/null || true
xdotool key Right Right; sleep 2
xdotool key f Return; sleep "${XTERM_CHECK_TRAIN_SECONDS:-40}"
xdotool key i; sleep 2; xdotool key Return; sleep 2; xdotool key Return; sleep 4
import -window root "$OUT/inspect.png"
read -r OX OY OW OH < <(window_inside lesson-check)
xdotool key Escape Escape Escape q; sleep 1
python3 "$HERE/xterm-compare.py" lesson "$OUT" "$OX" "$OY" "$OW" "$OH" || status=1
echo "xterm-check: screenshots and side-by-side crops in $OUT"
exit $status
