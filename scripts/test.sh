#!/usr/bin/env bash
# The whole pytest suite on SQLite; then, where PostgreSQL is installed, the database tests
# again on a throw-away PostgreSQL cluster (scripts/pg-cluster.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=politiebijstand.conf.test
export DJANGO_ALLOW_ASYNC_UNSAFE=true
echo "== pytest on SQLite"
.venv/bin/pytest -q
if url=$(bash scripts/pg-cluster.sh start); then
  trap 'bash scripts/pg-cluster.sh stop "$url"' EXIT
  echo "== pytest on PostgreSQL ($url)"
  PB_DATABASE_URL="$url" .venv/bin/pytest -q -m "not browser"
else
  if [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL is required in CI but could not be started" >&2
    exit 1
  fi
  echo "== PostgreSQL not installed: database tests ran on SQLite only"
fi
