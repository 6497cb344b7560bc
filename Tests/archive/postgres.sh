#!/usr/bin/env bash
# Loads the PostgreSQL export the Swift tests write (`PostgresExportTests` →
# .build/archive-postgres/export/: the samples, a meeting of awkward text and
# one with planted closed items) into a real PostgreSQL server from Debian's
# packages with psql, twice (a second load replaces the first), and checks
# with Tests/archive/postgres_check.py that searches, case histories and texts
# give the library's answers (.build/archive-postgres/expected.json).
#
#   bash Tests/archive/postgres.sh    after `swift test`
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
check="$root/.build/archive-postgres"
if [ ! -f "$check/export/load.sql" ] || [ ! -f "$check/expected.json" ]; then
  echo "postgres suite: no export in $check (run swift test first)" >&2
  exit 2
fi

source "$here/pg_server.sh"
trap pg_stop EXIT
pg_start
cp -R "$check/export" "$pg_work/export"
cp "$check/expected.json" "$pg_work/expected.json"
chmod -R a+rX "$pg_work/export" "$pg_work/expected.json"

pg_psql -f "$pg_work/export/load.sql"
pg_psql -f "$pg_work/export/load.sql"
counts="$(pg_psql -A -t -c "SELECT (SELECT count(*) FROM agendac_archive.meetings) || ' meetings, ' || (SELECT count(*) FROM agendac_archive.items) || ' items, ' || (SELECT count(*) FROM agendac_archive.cases) || ' cases'")"
echo "postgres suite: loaded twice with psql: $counts"

if [ "$(id -u)" -eq 0 ]; then
  "$PYTHON" "$here/postgres_check.py" "$pg_work/expected.json" runuser -u postgres -- "$pg_bin/psql" -h "$pg_work" -U postgres -d archive -X -q -v ON_ERROR_STOP=1
else
  "$PYTHON" "$here/postgres_check.py" "$pg_work/expected.json" "$pg_bin/psql" -h "$pg_work" -U postgres -d archive -X -q -v ON_ERROR_STOP=1
fi
