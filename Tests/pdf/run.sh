#!/usr/bin/env bash
# Checks the PDF files the Swift tests write (`PDFSampleFileTests` →
# .build/pdf-samples/) with independent tools: qpdf, poppler (pdffonts,
# pdftotext, pdfinfo -struct, pdftoppm) and two PDF/UA-1 validators from PyPI,
# page-validation (also PDF/A-2a for archival files) and pdfua.
#
#   bash Tests/pdf/run.sh [pytest arguments]    after `swift test`
#   PDF_SAMPLES=DIR bash Tests/pdf/run.sh        other files (each NAME.pdf may have NAME.json beside it)
#   PDF_COMPILE_SAMPLES=1 bash Tests/pdf/run.sh  also every samples/*.agenda compiled by
#                                                $AGENDAC_BIN (default .build/debug/agendac) --to pdf
#
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
if [ "${PDF_COMPILE_SAMPLES:-0}" = 1 ]; then
  agendac="${AGENDAC_BIN:-$root/.build/debug/agendac}"
  mkdir -p "$PDF_SAMPLES"
  for sample in "$root"/samples/*.agenda; do
    name="$(basename "$sample" .agenda)"
    "$agendac" compile "$sample" --to pdf -o "$PDF_SAMPLES/agendac-$name.pdf"
  done
fi
if ! ls "$PDF_SAMPLES"/*.pdf >/dev/null 2>&1; then
  echo "pdf suite: no PDF files in $PDF_SAMPLES (run swift test first)" >&2
  exit 2
fi
cd "$root"
exec "$PYTHON" -m pytest -q -p no:cacheprovider "$here" "$@"
