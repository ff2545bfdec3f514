#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests: a new cluster in a temporary folder, listening
# only on a Unix socket in that folder, trust authentication, gone when stopped.
#   scripts/pg-test-server.sh start        prints the connection URL (postgresql://...) on stdout
#   scripts/pg-test-server.sh stop URL     stops the server of that URL and removes its folder
# Uses Debian's PostgreSQL packages (postgresql-15 or newer); as root it runs the server as the
# 'postgres' user, since PostgreSQL refuses to run as root.
set -euo pipefail

bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir
  else
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
  fi
}

as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
  bin=$(bindir)
  [ -n "$bin" ] && [ -x "$bin/initdb" ] || { echo "pg-test-server: no PostgreSQL server binaries (install Debian's postgresql)" >&2; exit 2; }
  dir=$(mktemp -d /tmp/newsfuse-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" = "0" ] && chown postgres "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -A trust -U newsfuse --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $dir -c fsync=off -c max_connections=50" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  as_owner "$bin/createdb" -h "$dir" -U newsfuse newsfuse
  echo "postgresql://newsfuse@/newsfuse?host=$dir"
  ;;
stop)
  dir=${2##*host=}
  case "$dir" in /tmp/newsfuse-pg.*) ;; *) echo "pg-test-server: not a test server: $2" >&2; exit 2;; esac
  as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start | stop URL" >&2; exit 2
  ;;
esac
