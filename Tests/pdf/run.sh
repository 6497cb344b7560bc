#!/usr/bin/env bash
# Checks the PDF files the Swift tests write (`PDFSampleFileTests` →
# .build/pdf-samples/) and the samples compiled here with independent tools: qpdf, poppler (pdffonts,
# pdftotext, pdfinfo -struct, pdftoppm) and two PDF/UA-1 validators from PyPI,
# page-validation (also PDF/A-2a for archival files) and pdfua.
#
#   bash Tests/pdf/run.sh [pytest arguments]    after `swift test` and `swift build`
#   PDF_SAMPLES=DIR bash Tests/pdf/run.sh        other files (each NAME.pdf may have NAME.json beside it)
#   PDF_COMPILE_SAMPLES=0 bash Tests/pdf/run.sh  without compiling the samples
#
# First every samples/*.agenda is compiled by $AGENDAC_BIN (default
# .build/debug/agendac) --to pdf into $PDF_COMPILED (.build/pdf-compiled): in
# the default style, in its own house style (samples/styles/MUNICIPALITY.stil.json)
# and, for the first sample with a closed item, --public in that style. Those
# files are also checked against `compile --to text` (every word, in order) and
# their contents list (each item's title on the page it gives).
# Installs what is missing first (as root, or with sudo on PATH).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
PYTHON="${PYTHON:-python3}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v qpdf >/dev/null || ! command -v pdffonts >/dev/null; then
  echo "pdf suite: apt-get install qpdf poppler-utils"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qpdf poppler-utils >/dev/null
fi
if ! "$PYTHON" -c 'import page, pdfua, pytest' 2>/dev/null; then
  echo "pdf suite: pip install page-validation pdfua pytest"
  "$PYTHON" -m pip install --quiet "page-validation==0.11.0" "pdfua==0.1.3" "pytest>=8"
fi

export PDF_SAMPLES="${PDF_SAMPLES:-$root/.build/pdf-samples}"
export PDF_COMPILED="${PDF_COMPILED:-$root/.build/pdf-compiled}"
export AGENDAC_BIN="${AGENDAC_BIN:-$root/.build/debug/agendac}"
# NAME.json beside a compiled file: what it was compiled from, for test_pdf_files.py
sidecar() { "$PYTHON" -c 'import json, sys; print(json.dumps({"source": sys.argv[1], "style": sys.argv[2] or None, "public": sys.argv[3] == "1", "roles": ["Document", "H1", "H2", "P", "TOC", "TOCI", "Link"]}))' "$@"; }
compile() { # NAME SAMPLE STYLE PUBLIC
  local out="$PDF_COMPILED/$1.pdf" args=()
  [ -n "$3" ] && args+=(--style "$3")
  [ "$4" = 1 ] && args+=(--public)
  "$AGENDAC_BIN" compile "$2" --to pdf "${args[@]}" -o "$out"
  sidecar "$2" "$3" "$4" > "$PDF_COMPILED/$1.json"
}
if [ "${PDF_COMPILE_SAMPLES:-1}" = 1 ]; then
  if [ ! -x "$AGENDAC_BIN" ]; then
    echo "pdf suite: no agendac at $AGENDAC_BIN (run swift build first, or set AGENDAC_BIN)" >&2
    exit 2
  fi
  rm -rf "$PDF_COMPILED"
  mkdir -p "$PDF_COMPILED"
  public_done=0
  for sample in "$root"/samples/*.agenda; do
    name="$(basename "$sample" .agenda)"
    style="$root/samples/styles/${name%%-*}.stil.json"
    [ -f "$style" ] || style=""
    compile "$name" "$sample" "" 0
    [ -n "$style" ] && compile "$name.house" "$sample" "$style" 0
    if [ "$public_done" = 0 ] && grep -qiE '^[[:space:]]*lukket' "$sample"; then
      compile "$name.public" "$sample" "$style" 1
      public_done=1
    fi
  done
fi
if ! compgen -G "$PDF_SAMPLES/*.pdf" >/dev/null && ! compgen -G "$PDF_COMPILED/*.pdf" >/dev/null; then
  echo "pdf suite: no PDF files in $PDF_SAMPLES or $PDF_COMPILED (run swift test first)" >&2
  exit 2
fi
cd "$root"
exec "$PYTHON" -m pytest -q -p no:cacheprovider "$here" "$@"
