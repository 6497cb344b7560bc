#!/usr/bin/env bash
# Proves that Tests/Fixtures/search/danish-stems.tsv is PostgreSQL's answer: every
# word of the samples and the seed minutes, tokenised by PostgreSQL's parser
# (`ts_debug('danish', …)`, the tokens the danish configuration stems), beside
# `ts_lexize('danish_stem', word)` (empty for a stop word). `swift test`
# (DanishStemmerTests) checks the Swift stemmer against that file.
#
#   bash Tests/search/postgres.sh            compare with the committed file
#   bash Tests/search/postgres.sh --update   rewrite it (review the diff)
#
# Installs Debian's postgresql when missing; starts a throwaway server on a
# unix socket in a temporary folder (as the postgres user when run as root),
# queries all words in one batch and stops the server.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
golden="$root/Tests/Fixtures/search/danish-stems.tsv"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && { echo "$dir"; return; }; done
  return 1
}
if ! bin="$(pg_bin)"; then
  echo "search suite: apt-get install postgresql"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bin="$(pg_bin)"
fi

work="$(mktemp -d)"
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$work"
  as_db() { runuser -u postgres -- "$@"; }
else
  as_db() { "$@"; }
fi
cleanup() {
  as_db "$bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# C.UTF-8: the parser must know Danish letters as letters, and lower() must fold Æ Ø Å
as_db "$bin/initdb" -D "$work/data" -U postgres -A trust --locale=C.UTF-8 --encoding=UTF8 >/dev/null
as_db "$bin/pg_ctl" -D "$work/data" -w -l "$work/server.log" \
  -o "-k $work -c listen_addresses='' -c fsync=off" start >/dev/null

sources=("$root"/samples/*.agenda "$root"/Tests/Fixtures/seeds/*.txt)
[ -d "$root/../shared/seeds" ] && sources+=("$root"/../shared/seeds/*.txt)
{
  echo "CREATE TEMP TABLE source (body text);"
  for file in "${sources[@]}"; do
    printf 'INSERT INTO source VALUES ($agendac_body$%s$agendac_body$);\n' "$(cat "$file")"
  done
  cat <<'SQL'
SELECT w, coalesce(array_to_string(ts_lexize('danish_stem', w), ' '), '')
FROM (SELECT DISTINCT lower(token) AS w FROM source, ts_debug('danish', body)
      WHERE 'danish_stem'::regdictionary = ANY(dictionaries)) AS words
ORDER BY w COLLATE "C";
SQL
} > "$work/query.sql"
chmod a+r "$work/query.sql"
{
  printf '# word\tstem (empty: a stop word), from PostgreSQL %s ts_lexize(danish_stem); made by Tests/search/postgres.sh --update\n' \
    "$("$bin/postgres" --version | awk '{print $3}')"
  as_db "$bin/psql" -h "$work" -U postgres -d postgres -X -q -A -t -F $'\t' -v ON_ERROR_STOP=1 -f "$work/query.sql"
} > "$work/stems.tsv"

if [ "${1:-}" = "--update" ]; then
  cp "$work/stems.tsv" "$golden"
  echo "search suite: wrote $(($(wc -l < "$golden") - 1)) words to ${golden#"$root"/}"
elif diff -u <(grep -v '^#' "$golden") <(grep -v '^#' "$work/stems.tsv"); then
  echo "search suite: PostgreSQL stems all $(($(wc -l < "$golden") - 1)) words as ${golden#"$root"/} says"
else
  echo "search suite: PostgreSQL's stems differ from ${golden#"$root"/} (above); rerun with --update if the words changed" >&2
  exit 1
fi
