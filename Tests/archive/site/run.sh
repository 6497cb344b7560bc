#!/usr/bin/env bash
# The archive's public site in a real browser: headless Chromium through
# Selenium opens each kind of page (index, year, meeting, case, search) from
# file://, runs axe-core (WCAG 2.1 A/AA and best practice) with no violation,
# types queries and checks the hits, and runs the site's JavaScript port of the
# Danish stemmer and tokenizer against the Swift fixtures.
#
#   bash Tests/archive/site/run.sh [pytest arguments]   after `swift test` (it writes .build/archive-site)
#   ARCHIVE_SITE=DIR bash Tests/archive/site/run.sh      another site
#   ARCHIVE_SITE_LARGE=DIR bash Tests/archive/site/run.sh -k large
#                                                        only time searches on a large site (agendac-bench --site-only
#                                                        writes one); prints p50/p95 in ms, also in .build/archive-site-search-times.txt
#
# Installs what is missing first: Debian's chromium and chromium-driver (as
# root, or with sudo), PyPI's selenium, axe-selenium-python and pytest.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
PYTHON="${PYTHON:-python3}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "site suite: apt-get install chromium chromium-driver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
if ! "$PYTHON" -c 'import selenium, axe_selenium_python, pytest' 2>/dev/null; then
  echo "site suite: pip install selenium axe-selenium-python pytest"
  "$PYTHON" -m pip install --quiet "selenium>=4.15,<5" "axe-selenium-python==2.1.6" "pytest>=8"
fi

export ARCHIVE_SITE="${ARCHIVE_SITE:-$root/.build/archive-site}"
if [ ! -f "$ARCHIVE_SITE/index.html" ]; then
  echo "site suite: no site in $ARCHIVE_SITE (run swift test first: ArchiveSiteTests writes it)" >&2
  exit 2
fi
cd "$root"
times="$root/.build/archive-site-search-times.txt"
rm -f "$times"
status=0
"$PYTHON" -m pytest -q -p no:cacheprovider "$here" "$@" || status=$?
# the large site's timing, in a line to copy into the README
if [ -f "$times" ]; then cat "$times"; fi
exit "$status"
