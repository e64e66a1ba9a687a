# Starts a private PostgreSQL cluster for the PostgreSQL tests: initdb in a temporary directory, a free port on
# 127.0.0.1 only (no Unix socket in a shared place), trust login for the test user. Source it, then stop it on exit:
#   . .ci/postgres-up.sh && trap postgres_down EXIT
# Safe under `set -euo pipefail`. Needs Debian's `postgresql` package (any major version; the newest is taken, or
# POWERAUTH_TOKEN_PG_BINDIR). initdb refuses to run as root: as root the cluster runs as the `postgres` OS user.
# Exports, for the tests:
#   POWERAUTH_TOKEN_PG_URL    jdbc:postgresql://127.0.0.1:PORT/powerauth_token_test
#   POWERAUTH_TOKEN_PG_USER   the test user (a superuser of this throwaway cluster, no password)
#   POWERAUTH_TOKEN_PG_BINDIR where pg_ctl and pg_dump are
#   POWERAUTH_TOKEN_PG_DATA   the data directory (the fault tests stop and start the server, the scan reads it)
#   POWERAUTH_TOKEN_PG_RUNAS  the OS user that owns it ("" when it is the current user)
PG_TMP="$(mktemp -d /tmp/ci-postgres.XXXXXX)"
PG_BINDIR="${POWERAUTH_TOKEN_PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
PG_RUNAS=""
if [ "$(id -u)" = 0 ]; then
  PG_RUNAS=postgres
fi
_pg_as() {
  if [ -n "$PG_RUNAS" ]; then runuser -u "$PG_RUNAS" -- "$@"; else "$@"; fi
}
postgres_down() {
  if [ -n "${PG_BINDIR:-}" ] && [ -f "${PG_TMP:?}/data/postmaster.pid" ]; then
    _pg_as "$PG_BINDIR/pg_ctl" -D "$PG_TMP/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "${PG_TMP:?}"
  return 0
}
_pg_fail() {
  echo "postgres-up: $1" >&2
  if [ -f "$PG_TMP/run/server.log" ]; then cat "$PG_TMP/run/server.log" >&2; fi
  postgres_down; return 1 2>/dev/null || exit 1
}
if [ ! -x "$PG_BINDIR/initdb" ]; then
  _pg_fail "no PostgreSQL server binaries (install Debian's postgresql package)" || return 1 2>/dev/null || exit 1
fi
chmod 755 "$PG_TMP"
mkdir -p "$PG_TMP/data" "$PG_TMP/run"
if [ -n "$PG_RUNAS" ]; then chown "$PG_RUNAS" "$PG_TMP/data" "$PG_TMP/run"; fi
_pg_as "$PG_BINDIR/initdb" -D "$PG_TMP/data" -U powerauth_test --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
  >"$PG_TMP/initdb.log" 2>&1 || { cat "$PG_TMP/initdb.log" >&2; _pg_fail "initdb failed" || return 1 2>/dev/null || exit 1; }
# A free port: a random one that nothing answers on; if the server still cannot bind it, another one.
_pg_ok=""
for _pg_try in 1 2 3 4 5; do
  PG_PORT=$((20000 + RANDOM % 40000))
  if (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then continue; fi
  # In postgresql.conf (the last setting wins), so that a plain `pg_ctl start` after a stop (the fault tests) keeps them.
  printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = '%s'\nfsync = off\nmax_connections = 200\n" \
    "$PG_PORT" "$PG_TMP/run" >>"$PG_TMP/data/postgresql.conf"
  if _pg_as "$PG_BINDIR/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/run/server.log" -w -t 30 start >/dev/null 2>&1; then
    _pg_ok=1; break
  fi
done
[ -n "$_pg_ok" ] || { _pg_fail "the server did not start" || return 1 2>/dev/null || exit 1; }
_pg_as "$PG_BINDIR/psql" -h 127.0.0.1 -p "$PG_PORT" -U powerauth_test -d postgres -q -v ON_ERROR_STOP=1 \
  -c 'CREATE DATABASE powerauth_token_test' >/dev/null ||
  { _pg_fail "cannot create the test database" || return 1 2>/dev/null || exit 1; }
export POWERAUTH_TOKEN_PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/powerauth_token_test"
export POWERAUTH_TOKEN_PG_USER=powerauth_test
export POWERAUTH_TOKEN_PG_BINDIR="$PG_BINDIR"
export POWERAUTH_TOKEN_PG_DATA="$PG_TMP/data"
export POWERAUTH_TOKEN_PG_RUNAS="$PG_RUNAS"
unset _pg_ok _pg_try
