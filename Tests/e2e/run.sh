#!/usr/bin/env bash
# Runs the end-to-end suite: protocol conformance (pytest-lsp), lifecycle on
# the wire, headless Neovim and batch Emacs against `agendac lsp`.
#
#   bash Tests/e2e/run.sh [pytest arguments]     against $AGENDAC_BIN, else the
#                                                newest .build/{debug,release}/agendac
#   bash Tests/e2e/run.sh --self-test [...]      against a pygls stand-in server, to
#                                                prove the harness (see README.md)
#
# Builds nothing: build first (`swift build`). Install the tools once with
# scripts/install-e2e-deps.sh. Every wait is bounded; the whole run is cut at
# $E2E_TOTAL_TIMEOUT seconds (default 600). Exit code: pytest's (124 on the cut).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

if [ "${1:-}" = "--self-test" ]; then
  shift
  real="${AGENDAC_BIN:-}"
  if [ -z "$real" ]; then
    for candidate in .build/debug/agendac .build/release/agendac; do
      if [ -x "$candidate" ] && { [ -z "$real" ] || [ "$candidate" -nt "$real" ]; }; then real="$candidate"; fi
    done
  fi
  if [ -z "$real" ] || [ ! -x "$real" ]; then
    echo "run.sh --self-test: no agendac binary for check/fmt (set AGENDAC_BIN or build)" >&2
    exit 2
  fi
  export AGENDAC_REFERENCE_BIN="$(cd "$(dirname "$real")" && pwd)/$(basename "$real")"
  export AGENDAC_BIN="$here/selftest/fake-agendac"
  echo "run.sh: SELF-TEST against the pygls stand-in; check/fmt from $AGENDAC_REFERENCE_BIN"
fi

limit="${E2E_TOTAL_TIMEOUT:-600}"
timeout --kill-after=10 "$limit" "${PYTHON:-python3}" -m pytest -q -c "$here/pytest.ini" "$here" "$@"
status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "run.sh: the e2e suite did not finish within ${limit}s" >&2
fi
exit "$status"
