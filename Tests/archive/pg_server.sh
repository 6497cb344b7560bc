# Sourced by Tests/archive/postgres.sh and scripts/bench-postgres: a throwaway
# PostgreSQL server from Debian's packages (installed when missing) on a unix
# socket in a temporary folder, as the postgres user when run as root.
# Defines: $pg_bin, $pg_work, pg_start, pg_stop, pg_psql ARGS… (database "archive").

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pg_find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && { echo "$dir"; return; }; done
  return 1
}
if ! pg_bin="$(pg_find_bin)"; then
  echo "postgres: apt-get install postgresql"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin="$(pg_find_bin)"
fi

pg_work="$(mktemp -d)"
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$pg_work"
  pg_as_db() { runuser -u postgres -- "$@"; }
else
  pg_as_db() { "$@"; }
fi

pg_stop() {
  pg_as_db "$pg_bin/pg_ctl" -D "$pg_work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_work"
}

# C.UTF-8: the parser must know Danish letters as letters, and lower() must fold Æ Ø Å
pg_start() {
  pg_as_db "$pg_bin/initdb" -D "$pg_work/data" -U postgres -A trust --locale=C.UTF-8 --encoding=UTF8 >/dev/null
  pg_as_db "$pg_bin/pg_ctl" -D "$pg_work/data" -w -l "$pg_work/server.log" \
    -o "-k $pg_work -c listen_addresses='' -c fsync=off ${PG_SERVER_OPTIONS:-}" start >/dev/null
  pg_as_db "$pg_bin/createdb" -h "$pg_work" -U postgres archive
}

pg_psql() { pg_as_db "$pg_bin/psql" -h "$pg_work" -U postgres -d archive -X -q -v ON_ERROR_STOP=1 "$@"; }
