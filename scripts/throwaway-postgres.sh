#!/usr/bin/env bash
# Source this file, then: pg_start (exports PARLEY_TEST_POSTGRES) … pg_stop.
# A throw-away PostgreSQL cluster on a free loopback port, under a temporary folder.

pg_bin_dir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

pg_install_if_missing() {
  pg_bin_dir >/dev/null && return 0
  echo "test.sh: installing PostgreSQL (Debian package postgresql)…" >&2
  apt_install postgresql
  pg_bin_dir >/dev/null || { echo "test.sh: PostgreSQL binaries not found after install" >&2; return 1; }
}

pg_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || shuf -i 20000-60000 -n 1
}

pg_start() {
  local bin user port
  bin=$(pg_bin_dir) || return 1
  user=postgres
  id -u "$user" >/dev/null 2>&1 || user=nobody
  PG_TMP=$(mktemp -d /tmp/parley-pg.XXXXXX)
  chmod 755 "$PG_TMP"
  chown "$user" "$PG_TMP"
  port=$(pg_free_port)
  runuser -u "$user" -- "$bin/initdb" -D "$PG_TMP/data" -U parley --auth=trust -E UTF8 >"$PG_TMP/initdb.log" 2>&1 \
    || { cat "$PG_TMP/initdb.log" >&2; return 1; }
  runuser -u "$user" -- "$bin/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
    -o "-p $port -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$PG_TMP/server.log" >&2; return 1; }
  PG_CTL="$bin/pg_ctl"
  PG_USER=$user
  "$bin/psql" -h 127.0.0.1 -p "$port" -U parley -d postgres -qc "CREATE DATABASE parley_test" >/dev/null
  export PARLEY_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=parley;Password=parley;Database=parley_test"
}

pg_stop() {
  [ -n "${PG_TMP:-}" ] || return 0
  runuser -u "$PG_USER" -- "$PG_CTL" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
  PG_TMP=
}

apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || { echo "test.sh: apt-get update failed" >&2; return 1; }
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2 \
    || { echo "test.sh: apt-get install $* failed" >&2; return 1; }
}
