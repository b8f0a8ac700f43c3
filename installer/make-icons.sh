#!/usr/bin/env bash
# Generates the application icons in resources/icons/ with ImageMagick 6 (`convert`):
#   sesaku-desk.png  256x256, used by jpackage on Linux and as the window icon source
#   sesaku-desk.ico  16..256 px, used by jpackage on Windows
# The design: a blue rounded square with 施 in white, in a bold CJK sans font.
# macOS needs an .icns, which ImageMagick cannot write: build-macos.sh makes it from the PNG
# with `sips` and `iconutil` (both part of macOS).
#
# Usage (from the project root): bash installer/make-icons.sh [FONT_FILE]
# Default font: Noto Sans CJK Bold, else IPAGothic (fonts-noto-cjk / fonts-ipafont-gothic).
set -euo pipefail
cd "$(dirname "$0")/.."

font="${1:-}"
if [[ -z "$font" ]]; then
  for f in /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc \
           /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf; do
    [[ -f "$f" ]] && { font="$f"; break; }
  done
fi
[[ -n "$font" && -f "$font" ]] || { echo "no CJK font found; pass one as argument" >&2; exit 1; }

out=resources/icons
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1024 px master, scaled down for smooth edges.
convert -size 1024x1024 xc:none \
  -fill '#1f5fa8' -draw 'roundrectangle 40,40 983,983 170,170' \
  -font "$font" -pointsize 700 -fill white -gravity center -annotate +0+20 '施' \
  "$tmp/master.png"

convert "$tmp/master.png" -resize 256x256 -strip -depth 8 -define png:compression-level=9 "$out/sesaku-desk.png"
for s in 16 24 32 48 64 128 256; do
  convert "$tmp/master.png" -resize ${s}x${s} -strip -depth 8 "$tmp/icon-$s.png"
done
convert "$tmp"/icon-16.png "$tmp"/icon-24.png "$tmp"/icon-32.png "$tmp"/icon-48.png \
        "$tmp"/icon-64.png "$tmp"/icon-128.png "$tmp"/icon-256.png "$out/sesaku-desk.ico"
ls -l "$out"
