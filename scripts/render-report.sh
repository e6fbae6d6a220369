#!/usr/bin/env bash
# Renders a report (default out/index.html) to a PNG with headless Chromium, for looking at it without a
# browser (CI artefacts, reviews). Usage: scripts/render-report.sh [REPORT.html] [OUT.png] [HEIGHT] [SECTION]
# By default the whole page is rendered: its height is measured in Chromium, the page is shot in slices of at
# most 16,000 px (Chromium's screenshot limit) by shifting it up one slice at a time, and the slices are
# stitched into one PNG (python3; without it the slices stay as OUT-partK.png). HEIGHT renders only the top
# HEIGHT px in one shot (at most 16,000). SECTION (summary, runs, sweeps, reproducibility, derivation) renders
# only that section of the page. Chromium is installed with apt-get if absent (needs root). The page loads
# nothing from the network; the flags below also keep Chromium itself from calling home.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
report="${1:-$root/out/index.html}"
png="${2:-${report%.html}.png}"
limit=16000
width=1400

if [[ ! -f "$report" ]]; then
  echo "render-report: no report at $report (run ./reproduce first)" >&2
  exit 2
fi

browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
done
if [[ -z "$browser" ]]; then
  echo "render-report: installing chromium (apt-get) ..." >&2
  apt-get update >&2 && apt-get install -y chromium >&2
  browser=chromium
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
page="$profile/page.html"
cp "$(cd "$(dirname "$report")" && pwd -P)/$(basename "$report")" "$page"
if [[ -n "${4:-}" ]]; then
  if [[ ! "$4" =~ ^[a-z]+$ ]]; then
    echo "render-report: SECTION must be a section id such as sweeps (got '$4')" >&2
    exit 2
  fi
  # Every other top-level section hidden (in the copy; the report itself is not modified).
  sed -i "s|</head>|<style>body>section:not(#$4){display:none}</style></head>|" "$page"
fi

chrome() {
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile/chrome" "$@" 2>/dev/null
}

if [[ -n "${3:-}" ]]; then
  height="$3"
  if (( height > limit )); then
    echo "render-report: HEIGHT above $limit px is cut to $limit (omit HEIGHT to render the whole page)" >&2
    height=$limit
  fi
else
  # The page's laid-out height at this width, read by a script in a copy of the page (the report has none).
  sed "s|</body>|<script>document.title = 'page-height=' + document.documentElement.scrollHeight;</script></body>|" \
    "$page" > "$profile/measure.html"
  height="$(chrome --window-size=$width,1000 --dump-dom "file://$profile/measure.html" \
    | grep -o 'page-height=[0-9]*' | head -1 | cut -d= -f2 || true)"
  if [[ -z "$height" ]]; then
    echo "render-report: could not measure the page height" >&2
    exit 4
  fi
fi

parts=$(( (height + limit - 1) / limit ))
slices=()
for (( k = 0; k < parts; k++ )); do
  offset=$(( k * limit ))
  h=$(( height - offset < limit ? height - offset : limit ))
  slice="$profile/slice-$k.png"
  # The page shifted up by the slice's offset: the window then shows the slice.
  sed "s|</head>|<style>html{transform:translateY(-${offset}px)}</style></head>|" "$page" > "$profile/slice-$k.html"
  chrome --screenshot="$slice" --window-size=$width,"$h" "file://$profile/slice-$k.html" >/dev/null
  if [[ ! -s "$slice" ]]; then
    echo "render-report: chromium produced no screenshot (slice $((k + 1)) of $parts)" >&2
    exit 4
  fi
  slices+=("$slice")
done

if (( parts == 1 )); then
  cp "${slices[0]}" "$png"
elif command -v python3 >/dev/null 2>&1; then
  # Stitch: same width and format, so the scanlines are concatenated; each slice's first row is refiltered
  # (its PNG filter refers to an all-zero row above it, which after stitching would be the previous slice's last).
  python3 - "$png" "${slices[@]}" <<'PY'
import struct, sys, zlib

def read(path):
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', path
    pos, ihdr, idat = 8, None, b''
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            ihdr = body
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    return ihdr, zlib.decompress(idat)

def chunk(kind, body):
    return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body) & 0xffffffff)

first = None
rows = []
total = 0
for path in sys.argv[2:]:
    ihdr, raw = read(path)
    w, h, depth, colour, _, _, interlace = struct.unpack('>IIBBBBB', ihdr)
    if first is None:
        first = ihdr
    assert ihdr[:4] == first[:4] and ihdr[8:] == first[8:] and depth == 8 and colour in (2, 6) and interlace == 0, \
        'slices differ in format'
    bpp = 4 if colour == 6 else 3
    stride = 1 + w * bpp
    row0 = bytearray(raw[:stride])
    f, line = row0[0], row0[1:]
    # Prior row all zero: Up is None; Paeth predicts the left byte, as Sub does; Average half the left byte.
    if f in (1, 3, 4):
        for i in range(bpp, len(line)):
            left = line[i - bpp]
            line[i] = (line[i] + (left // 2 if f == 3 else left)) & 0xff
    rows.append(b'\x00' + bytes(line) + raw[stride:])
    total += h
w, _, depth, colour, comp, filt, interlace = struct.unpack('>IIBBBBB', first)
out = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, total, depth, colour, comp, filt, interlace))
out += chunk(b'IDAT', zlib.compress(b''.join(rows), 6)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(out)
PY
else
  for (( k = 0; k < parts; k++ )); do
    cp "${slices[$k]}" "${png%.png}-part$((k + 1)).png"
  done
  echo "render-report: no python3 to stitch; the page is in ${png%.png}-part1..$parts.png" >&2
  exit 0
fi
echo "$png (${width}x$height, $parts slice(s))"
