#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests, on a Unix socket under /tmp.
#   pg-cluster.sh start       prints the database URL on stdout; exit 1 when PostgreSQL is absent
#   pg-cluster.sh stop URL    stops the cluster of that URL and removes its files
# Each start makes a new cluster in its own folder, so concurrent test runs do not collide.
# PostgreSQL refuses to run as root, so as root the cluster runs as the 'postgres' user.
set -euo pipefail
bindir=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) "$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")"; do
  if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then bindir=$d; break; fi
done
[ -n "$bindir" ] || exit 1
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-}" in
  start)
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
      useradd --system --no-create-home postgres
    fi
    dir=$(mktemp -d /tmp/pb-pgtest-XXXXXX)
    chmod 755 "$dir"
    port=$(( 20000 + RANDOM % 30000 ))
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1
    as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-k $dir -p $port -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off" start >/dev/null
    echo "postgres://postgres@/politiebijstand?host=$dir&port=$port"
    ;;
  stop)
    dir=$(echo "${2:-}" | sed -n 's/.*host=\([^&]*\).*/\1/p')
    case "$dir" in /tmp/pb-pgtest-*) ;; *) echo "usage: $0 stop URL" >&2; exit 2 ;; esac
    [ -f "$dir/data/postmaster.pid" ] && as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start | stop URL" >&2; exit 2 ;;
esac
