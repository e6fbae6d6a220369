#!/usr/bin/env bash
# Renders a report (default out/index.html) to a PNG with headless Chromium, for looking at it without a
# browser (CI artefacts, reviews). Usage: scripts/render-report.sh [REPORT.html] [OUT.png] [HEIGHT] [SECTION]
# SECTION (summary, runs, sweeps, reproducibility, derivation) renders only that section of the page, for
# reports taller than Chromium's screenshot limit (about 16,000 px). Chromium is installed with apt-get if absent (needs root). The page loads nothing from the network; the
# flags below also keep Chromium itself from calling home. HEIGHT defaults to the page length estimated from
# the number of plots (Chromium screenshots only the window).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
report="${1:-$root/out/index.html}"
png="${2:-${report%.html}.png}"

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

if [[ -n "${3:-}" ]]; then
  height="$3"
else
  # About 330 px per plot row plus tables; generous, Chromium pads with white.
  svgs="$(grep -o '<svg' "$report" | wc -l)"
  rows="$(grep -o '<tr' "$report" | wc -l)"
  height=$(( 1200 + svgs * 190 + rows * 26 ))
  if (( height > 16000 )); then
    echo "render-report: the page is taller than 16000 px; the PNG shows its top (use SECTION for the rest)" >&2
    height=16000
  fi
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
abs_report="$(cd "$(dirname "$report")" && pwd -P)/$(basename "$report")"
if [[ -n "${4:-}" ]]; then
  if [[ ! "$4" =~ ^[a-z]+$ ]]; then
    echo "render-report: SECTION must be a section id such as sweeps (got '$4')" >&2
    exit 2
  fi
  # A copy of the page with every other top-level section hidden (the report itself is not modified).
  sed "s|</head>|<style>body>section:not(#$4){display:none}</style></head>|" "$abs_report" > "$profile/page.html"
  abs_report="$profile/page.html"
fi
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
  --screenshot="$png" --window-size=1400,"$height" "file://$abs_report" >/dev/null 2>&1
if [[ ! -s "$png" ]]; then
  echo "render-report: chromium produced no screenshot" >&2
  exit 4
fi
echo "$png (1400x$height)"
