# shellcheck shell=bash
# A throw-away PostgreSQL cluster on a free 127.0.0.1 port, under a temporary folder.
# Source this file, then:
#
#   pg_ensure_installed   # apt-get install postgresql if its server binaries are missing
#   pg_start              # exports PARLEY_TEST_POSTGRES (and PG_PORT)
#   …
#   pg_stop               # stops the server and deletes the folder; safe to call twice
#
# PARLEY_TEST_POSTGRES is an Npgsql connection string:
#   Host=127.0.0.1;Port=PORT;Username=parley;Password=parley;Database=parley_test
# The role parley is a superuser (tests create a database per test); local connections use trust.
# Used by ./test.sh and by the benchmarks. Works as root (the server runs as the postgres system
# user, or nobody) and as an ordinary user.

# Installs Debian packages: one apt-get update per shell, then one install. Fails loudly.
apt_install() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "apt_install: need root (or sudo) to install: $*" >&2; return 1; }
    sudo=(sudo -n)
  fi
  if [ -z "${APT_UPDATED:-}" ]; then
    echo "apt-get update…" >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null >&2 \
      || { echo "apt_install: apt-get update failed" >&2; return 1; }
    APT_UPDATED=1
  fi
  echo "apt-get install $*…" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" </dev/null >&2 \
    || { echo "apt_install: apt-get install $* failed" >&2; return 1; }
}

# Prints the folder that holds initdb, pg_ctl and postgres (newest Debian version first).
pg_bin_dir() {
  local dir found
  local candidates=()
  while IFS= read -r dir; do candidates+=("$dir"); done \
    < <(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r)
  found=$(command -v initdb 2>/dev/null) && candidates+=("$(dirname "$(readlink -f "$found")")" "$(dirname "$found")")
  found=$(command -v pg_ctl 2>/dev/null) && candidates+=("$(dirname "$(readlink -f "$found")")" "$(dirname "$found")")
  candidates+=(/usr/local/bin /usr/bin)
  for dir in "${candidates[@]}"; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

# Prints the path of psql (next to the server binaries, else on PATH).
pg_psql() {
  local bin
  if bin=$(pg_bin_dir) && [ -x "$bin/psql" ]; then echo "$bin/psql"; return 0; fi
  command -v psql 2>/dev/null
}

# Installs Debian's postgresql (server and client) if initdb/pg_ctl/postgres or psql are missing.
pg_ensure_installed() {
  pg_bin_dir >/dev/null && pg_psql >/dev/null && return 0
  apt_install postgresql || return 1
  pg_bin_dir >/dev/null || { echo "pg_ensure_installed: initdb/pg_ctl/postgres not found after installing postgresql" >&2; return 1; }
  pg_psql >/dev/null || { echo "pg_ensure_installed: psql not found after installing postgresql" >&2; return 1; }
}

# Prints a TCP port on 127.0.0.1 that nobody listens on.
pg_free_port() {
  local port i
  if command -v python3 >/dev/null 2>&1 \
    && port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null) \
    && [ -n "$port" ]; then
    echo "$port"
    return 0
  fi
  for i in $(seq 1 200); do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    # A refused connection means nothing listens there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# Runs a command as the cluster's owner, from inside the cluster folder.
_pg_as() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd "$PG_TMP" && runuser -u "$PG_USER" -- "$@")
  else
    (cd "$PG_TMP" && "$@")
  fi
}

pg_start() {
  local bin psql locale attempt
  bin=$(pg_bin_dir) || { echo "pg_start: PostgreSQL server binaries not found (run pg_ensure_installed)" >&2; return 1; }
  psql=$(pg_psql) || { echo "pg_start: psql not found (run pg_ensure_installed)" >&2; return 1; }
  PG_CTL="$bin/pg_ctl"

  if [ "$(id -u)" -eq 0 ]; then
    PG_USER=postgres
    id -u "$PG_USER" >/dev/null 2>&1 || PG_USER=nobody
  else
    PG_USER=$(id -un)
  fi

  # Under /tmp, not $TMPDIR: the Unix socket path must stay short.
  PG_TMP=$(mktemp -d /tmp/parley-pg.XXXXXX) || return 1
  chmod 700 "$PG_TMP"
  [ "$(id -u)" -eq 0 ] && chown "$PG_USER" "$PG_TMP"

  # C.UTF-8 where the C library has it (Unicode upper/lower), else plain C.
  if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then locale=(--locale=C.UTF-8); else locale=(--no-locale); fi
  printf 'parley\n' >"$PG_TMP/pwfile"
  [ "$(id -u)" -eq 0 ] && chown "$PG_USER" "$PG_TMP/pwfile"
  if ! _pg_as env LC_ALL=C "$bin/initdb" -D "$PG_TMP/data" -U parley --pwfile="$PG_TMP/pwfile" \
      --auth=trust -E UTF8 "${locale[@]}" --no-sync >"$PG_TMP/initdb.log" 2>&1; then
    echo "pg_start: initdb failed:" >&2
    cat "$PG_TMP/initdb.log" >&2
    return 1
  fi

  # The port is free when chosen but could be taken before the server binds it: try a few.
  for attempt in 1 2 3 4 5; do
    PG_PORT=$(pg_free_port) || { echo "pg_start: no free port found" >&2; return 1; }
    : >"$PG_TMP/server.log"
    [ "$(id -u)" -eq 0 ] && chown "$PG_USER" "$PG_TMP/server.log"
    if _pg_as "$PG_CTL" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
        -o "-p $PG_PORT -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null 2>&1; then
      break
    fi
    if [ "$attempt" -lt 5 ] && grep -qiE 'could not bind|address already in use' "$PG_TMP/server.log"; then
      continue
    fi
    echo "pg_start: PostgreSQL did not start:" >&2
    cat "$PG_TMP/server.log" >&2
    return 1
  done

  if ! PGCONNECT_TIMEOUT=10 "$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U parley -d postgres \
      -c "CREATE DATABASE parley_test OWNER parley" </dev/null >"$PG_TMP/psql.log" 2>&1; then
    echo "pg_start: could not create database parley_test:" >&2
    cat "$PG_TMP/psql.log" >&2
    return 1
  fi
  export PG_PORT
  export PARLEY_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=parley;Password=parley;Database=parley_test"
}

pg_stop() {
  [ -n "${PG_TMP:-}" ] || return 0
  local pid
  if [ -f "$PG_TMP/data/postmaster.pid" ]; then
    _pg_as "$PG_CTL" -D "$PG_TMP/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    # Still there (pg_ctl failed)? Kill that one server by its process id.
    if [ -f "$PG_TMP/data/postmaster.pid" ]; then
      pid=$(head -n 1 "$PG_TMP/data/postmaster.pid" 2>/dev/null || true)
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
        sleep 1
      fi
    fi
  fi
  rm -rf "$PG_TMP"
  PG_TMP=
  unset PARLEY_TEST_POSTGRES
}

# Former name, kept for scripts written against the first version of this file.
pg_install_if_missing() { pg_ensure_installed "$@"; }
