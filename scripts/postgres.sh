#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the live-database tests: initialised in a temporary folder, run as an
# unprivileged user, listening on a free loopback port with password authentication, removed again by `stop`.
#
#   scripts/postgres.sh start   # prints the Npgsql connection string and writes $STATE_FILE (source it)
#   scripts/postgres.sh env     # prints the export line of the running cluster
#   scripts/postgres.sh stop    # stops the cluster and deletes its folder
#
# The state file (default /tmp/schemalint-postgres.env, override with SCHEMALINT_POSTGRES_STATE) holds
# `export SCHEMALINT_TEST_POSTGRES='...'` and the cluster's folder.
set -euo pipefail

PG_VERSION=15
PG_BIN=${PG_BIN:-/usr/lib/postgresql/$PG_VERSION/bin}
STATE_FILE=${SCHEMALINT_POSTGRES_STATE:-/tmp/schemalint-postgres.env}
START_TIMEOUT=${SCHEMALINT_POSTGRES_START_TIMEOUT:-60}

fail() { echo "postgres.sh: $*" >&2; exit 1; }

ensure_installed() {
  [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] && return
  echo "postgres.sh: PostgreSQL $PG_VERSION is not installed under $PG_BIN; installing it with apt-get." >&2
  command -v apt-get >/dev/null || fail "PostgreSQL $PG_VERSION is missing and apt-get is not available; install postgresql-$PG_VERSION or set PG_BIN."
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  # postgresql-15 ships only in Debian 12's archive; elsewhere take the distribution's PostgreSQL and find its binaries.
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "postgresql-$PG_VERSION" >&2; then
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2 || fail "apt-get could not install PostgreSQL."
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  [[ -x "$PG_BIN/initdb" ]] || fail "PostgreSQL was installed but no initdb was found under $PG_BIN."
}

# initdb refuses to run as root, so root runs the cluster as an unprivileged system user.
cluster_user() {
  if [[ $(id -u) -ne 0 ]]; then id -un; return; fi
  if id postgres >/dev/null 2>&1; then echo postgres; return; fi
  id schemalint-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin schemalint-pg
  echo schemalint-pg
}

as_user() {
  local user=$1; shift
  if [[ $(id -u) -ne 0 ]]; then "$@"; return; fi
  if command -v runuser >/dev/null; then runuser -u "$user" -- "$@"; else su -s /bin/sh "$user" -c "$(printf '%q ' "$@")"; fi
}

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 40000 ))
    if port_is_free "$port"; then echo "$port"; return; fi
  done
  fail "no free loopback port found."
}

is_running() {
  [[ -f "$STATE_FILE" ]] || return 1
  # shellcheck disable=SC1090
  source "$STATE_FILE"
  [[ -n "${SCHEMALINT_POSTGRES_DIR:-}" && -f "$SCHEMALINT_POSTGRES_DIR/data/postmaster.pid" ]]
}

start() {
  if is_running; then
    echo "postgres.sh: a cluster is already running in $SCHEMALINT_POSTGRES_DIR." >&2
    echo "$SCHEMALINT_TEST_POSTGRES"
    return
  fi
  ensure_installed
  local user dir password port
  user=$(cluster_user)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/schemalint-postgres.XXXXXX")
  chmod 700 "$dir"
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
  printf '%s\n' "$password" > "$dir/pwfile"
  [[ $(id -u) -eq 0 ]] && chown -R "$user" "$dir"

  as_user "$user" "$PG_BIN/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth-local=scram-sha-256 \
    --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || as_user "$user" "$PG_BIN/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth-local=scram-sha-256 \
         --auth-host=scram-sha-256 --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; fail "initdb failed (log above)."; }
  rm -f "$dir/pwfile"

  # Another process may take the port between the check and the start: try a few.
  local started=""
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    if as_user "$user" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t "$START_TIMEOUT" \
         -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null; then
      started=yes; break
    fi
  done
  if [[ -z "$started" ]]; then
    cat "$dir/server.log" >&2 || true
    rm -rf "$dir"
    fail "the PostgreSQL server did not start (log above)."
  fi

  local connection="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres"
  umask 077
  cat > "$STATE_FILE" <<STATE
export SCHEMALINT_TEST_POSTGRES='$connection'
export SCHEMALINT_POSTGRES_DIR='$dir'
export SCHEMALINT_POSTGRES_USER='$user'
STATE
  echo "postgres.sh: PostgreSQL running on 127.0.0.1:$port (data in $dir; state in $STATE_FILE)." >&2
  echo "$connection"
}

stop() {
  if [[ ! -f "$STATE_FILE" ]]; then echo "postgres.sh: no cluster to stop ($STATE_FILE does not exist)." >&2; return; fi
  # shellcheck disable=SC1090
  source "$STATE_FILE"
  local dir=${SCHEMALINT_POSTGRES_DIR:-}
  if [[ -n "$dir" && -d "$dir/data" ]]; then
    as_user "${SCHEMALINT_POSTGRES_USER:-$(cluster_user)}" "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  [[ -n "$dir" && "$dir" == */schemalint-postgres.* ]] && rm -rf "$dir"
  rm -f "$STATE_FILE"
  echo "postgres.sh: stopped and removed ${dir:-the cluster}." >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) is_running || fail "no cluster is running; run 'scripts/postgres.sh start' first."; cat "$STATE_FILE" | grep SCHEMALINT_TEST_POSTGRES ;;
  *) echo "usage: scripts/postgres.sh start|stop|env" >&2; exit 2 ;;
esac
