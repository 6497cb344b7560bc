#!/usr/bin/env bash
# Validates the OParl exports the Swift tests write (`OParlExportTests` →
# .build/archive-oparl/, the samples as an archive; `ArchiveExportCommandTests`
# → .build/archive-oparl-cli/, `agendac archive export` of a real archive of
# the samples, when present) against the official OParl
# 1.1 schemas with PyPI's jsonschema: every object, embedded ones too, every
# list page, and every reference (Tests/archive/validate_oparl.py says what
# more it checks). Then breaks a copy in three ways and expects each caught,
# so a validator that passes everything cannot pass here.
#
#   bash Tests/archive/oparl.sh                   after `swift test`
#   OPARL_EXPORT=DIR bash Tests/archive/oparl.sh  another export
#     (`agendac archive export --to oparl DIR --base-url URL`)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
PYTHON="${PYTHON:-python3}"

if ! "$PYTHON" -c 'import jsonschema' 2>/dev/null; then
  echo "oparl suite: pip install jsonschema"
  "$PYTHON" -m pip install --quiet 'jsonschema>=4,<5'
fi

export_dir="${OPARL_EXPORT:-$root/.build/archive-oparl}"
if [ ! -f "$export_dir/system.json" ]; then
  echo "oparl suite: no export in $export_dir (run swift test first)" >&2
  exit 2
fi
"$PYTHON" "$here/validate_oparl.py" "$export_dir"
# the export `agendac archive export` made of a real archive of the samples (ArchiveExportCommandTests)
cli_export="$root/.build/archive-oparl-cli"
if [ -z "${OPARL_EXPORT:-}" ] && [ -f "$cli_export/system.json" ]; then
  "$PYTHON" "$here/validate_oparl.py" "$cli_export"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
expect_caught() {
  local what="$1" script="$2"
  rm -rf "$work/copy"
  cp -R "$export_dir" "$work/copy"
  "$PYTHON" - "$work/copy" <<PY
import glob, json, os, sys
root = sys.argv[1]
$script
PY
  if "$PYTHON" "$here/validate_oparl.py" "$work/copy" >/dev/null 2>&1; then
    echo "oparl suite: the validator missed $what" >&2
    exit 1
  fi
}
expect_caught "an embedded File without accessUrl" '
path = sorted(glob.glob(os.path.join(root, "*", "meeting", "*", "*.json")))[0]
meeting = json.load(open(path))
for key in ("resultsProtocol", "invitation"):
    if key in meeting: del meeting[key]["accessUrl"]
json.dump(meeting, open(path, "w"))'
expect_caught "a date that is not a date" '
path = sorted(glob.glob(os.path.join(root, "*", "paper", "*.json")))[0]
paper = json.load(open(path)); paper["date"] = "4. maj 2026"; json.dump(paper, open(path, "w"))'
expect_caught "a reference to a missing file" '
os.remove(sorted(glob.glob(os.path.join(root, "*", "person", "*.json")))[0])'
echo "oparl suite: the validator catches a missing accessUrl, a bad date and a dangling reference"
