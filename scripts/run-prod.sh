#!/usr/bin/env bash
# `make run-prod`: production mode on one machine, on loopback only (issue #13 item 1, ADR 0052).
#
# Starts a PostgreSQL cluster of its own in $PB_DATA_DIR/pg (default ./var/pg: made once with
# initdb, then reused; socket in that folder, TCP on 127.0.0.1 only, its port kept in
# pg/poort), the database and its role, then under conf.production: migrate, collectstatic,
# the reference data and the demo accounts and requests (as `make run`), and runs
#   - gunicorn with 2 web processes on 127.0.0.1:$PORT (conf.lokaal_wsgi: also /static/),
#   - 2 huey consumers on PostgreSQL, only the first with the periodic jobs (-n on the other),
#   - the mail catcher on 127.0.0.1:$PB_MAILVANGER_POORT (mail lands in $PB_DATA_DIR/mail).
# Ctrl-C (or SIGTERM) stops all of them and the cluster. The generated secrets (secret key,
# second-factor key, audit key, database password) are kept in $PB_DATA_DIR/run-prod.env, and
# the PB_ environment of the processes in $PB_DATA_DIR/run-prod.omgeving (for backups).
# Plain HTTP on loopback through PB_LOKAAL_HTTP=1, which production refuses for other hosts.
#
# Variables: PORT (web, default 8000), PB_MAILVANGER_POORT (default 8025), PB_DATA_DIR,
# BIN (folder of python, politiebijstand and gunicorn; default .venv/bin), PB_RUN_PROD_NA_LADEN
# (a shell command run after the data is loaded and before the processes start).
# As root, PostgreSQL runs as the 'postgres' user (as scripts/pg-cluster.sh), which must be
# able to reach $PB_DATA_DIR (every parent folder searchable).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
BIN=$(cd "$BIN" && pwd)
PORT=${PORT:-8000}
MAILPOORT=${PB_MAILVANGER_POORT:-8025}
DATA=${PB_DATA_DIR:-var}
mkdir -p "$DATA"
DATA=$(cd "$DATA" && pwd)
PG=$DATA/pg

fout() { echo "run-prod: $*" >&2; exit 1; }

bindir=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) "$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")"; do
  if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then bindir=$d; break; fi
done
[ -n "$bindir" ] || fout "PostgreSQL is niet geïnstalleerd (Debian: apt-get install postgresql; versie 15 of nieuwer)."
versie=$("$bindir/pg_ctl" --version | sed -n 's/.* \([0-9][0-9]*\)\..*/\1/p')
[ "${versie:-0}" -ge 15 ] || fout "PostgreSQL $versie gevonden in $bindir; nodig is 15 of nieuwer."

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
vrije_poort() {
  "$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
geheim() { "$BIN/python" -c "import secrets; print(secrets.token_urlsafe($1))"; }

# --- The secrets, made once and kept (mode 600) -------------------------------------------------
geheimen=$DATA/run-prod.env
if [ ! -f "$geheimen" ]; then
  (
    umask 077
    {
      echo "PB_SECRET_KEY=$(geheim 48)"
      echo "PB_MFA_SLEUTEL=$("$BIN/python" -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')"
      echo "PB_AUDIT_SLEUTEL=$(geheim 32)"
      echo "PB_DB_WACHTWOORD=$(geheim 24)"
    } >"$geheimen.tmp"
    mv "$geheimen.tmp" "$geheimen"
  )
fi
# shellcheck disable=SC1090
. "$geheimen"

# --- The cluster: initdb once, then reuse ---------------------------------------------------------
if [ ! -f "$PG/data/PG_VERSION" ]; then
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home postgres
  fi
  rm -rf "$PG"
  mkdir -p "$PG"
  chmod 700 "$PG"
  vrije_poort >"$PG/poort"
  [ "$(id -u)" = 0 ] && chown -R postgres "$PG"
  as_pg test -w "$PG" || fout "de gebruiker postgres kan $PG niet bereiken; geef elke bovenliggende map leesrechten (chmod o+x) of kies PB_DATA_DIR elders."
  # Only the owner reaches the socket (folder 700), so local connections may trust; TCP wants
  # the password (scram-sha-256).
  as_pg "$bindir/initdb" -D "$PG/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$PG/initdb.log" 2>&1 \
    || as_pg "$bindir/initdb" -D "$PG/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 >"$PG/initdb.log" 2>&1 \
    || fout "initdb mislukt, zie $PG/initdb.log"
fi
pgpoort=$(cat "$PG/poort")

gestopt=0
stoppen() {
  [ "$gestopt" = 1 ] && return
  gestopt=1
  trap - INT TERM
  if [ -n "${pids:-}" ]; then
    echo "run-prod: stoppen..." >&2
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    # At most 15 s to finish what they do; then KILL what is left. A safety net: the mail
    # catcher, which hung now and then when Ctrl-C's SIGINT and this SIGTERM came together,
    # now takes them with sigwait (#13). Nothing is lost: the outbox rows and timers are in
    # the database (ADR 0012).
    for _ in $(seq 30); do
      # shellcheck disable=SC2086
      kill -0 $pids 2>/dev/null || break
      sleep 0.5
    done
    for pid in $pids; do
      if kill -0 "$pid" 2>/dev/null; then
        echo "run-prod: proces $pid stopt niet; KILL." >&2
        kill -KILL "$pid" 2>/dev/null || true
      fi
    done
    # shellcheck disable=SC2086
    wait $pids 2>/dev/null || true
  fi
  as_pg "$bindir/pg_ctl" -D "$PG/data" -m fast -w stop >/dev/null 2>&1 || true
}
pids=""
trap stoppen EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! as_pg "$bindir/pg_ctl" -D "$PG/data" status >/dev/null 2>&1; then
  as_pg "$bindir/pg_ctl" -D "$PG/data" -l "$PG/server.log" -w \
    -o "-k $PG -p $pgpoort -c listen_addresses=127.0.0.1 -c unix_socket_permissions=0700" start >/dev/null \
    || fout "PostgreSQL start niet (poort $pgpoort in $PG/poort bezet?), zie $PG/server.log"
fi
psql_pg() { as_pg "$bindir/psql" -h "$PG" -p "$pgpoort" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_pg -c "SELECT 1 FROM pg_roles WHERE rolname = 'politiebijstand'")" != 1 ]; then
  psql_pg -c "CREATE ROLE politiebijstand LOGIN PASSWORD '$PB_DB_WACHTWOORD'"
fi
if [ "$(psql_pg -c "SELECT 1 FROM pg_database WHERE datname = 'politiebijstand'")" != 1 ]; then
  psql_pg -c "CREATE DATABASE politiebijstand OWNER politiebijstand"
fi

# --- Production settings from the environment ------------------------------------------------------
export DJANGO_SETTINGS_MODULE=politiebijstand.conf.production
export PYTHONPATH="$PWD/src${PYTHONPATH:+:$PYTHONPATH}"
export PB_DATA_DIR=$DATA PB_SECRET_KEY PB_MFA_SLEUTEL PB_AUDIT_SLEUTEL
export PB_DATABASE_URL="postgres://politiebijstand:$PB_DB_WACHTWOORD@127.0.0.1:$pgpoort/politiebijstand"
export PB_ALLOWED_HOSTS=127.0.0.1,localhost
export PB_BASIS_URL="http://127.0.0.1:$PORT"
export PB_LOKAAL_HTTP=1 PB_DEMO_ACCOUNTS=1
export PB_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend
export PB_EMAIL_HOST=127.0.0.1 PB_EMAIL_POORT=$MAILPOORT
unset PB_DB_WACHTWOORD
# The same environment for an operator's commands beside it (backup, audit verify, shell):
# every exported PB_ variable (the caller's too) with the settings module and the path, for
# `set -a; . var/run-prod.omgeving; set +a` (docs/backup.md). Holds the secrets: mode 600,
# written anew at each start.
(
  umask 077
  rm -f "$DATA/run-prod.omgeving.tmp"
  for naam in DJANGO_SETTINGS_MODULE PYTHONPATH $(compgen -e | grep '^PB_' | sort); do
    [ "$naam" = PB_RUN_PROD_NA_LADEN ] && continue
    printf '%s=%q\n' "$naam" "${!naam}"
  done >"$DATA/run-prod.omgeving.tmp"
  mv "$DATA/run-prod.omgeving.tmp" "$DATA/run-prod.omgeving"
)

manage() { "$BIN/politiebijstand" manage "$@"; }
manage migrate --noinput -v 0
manage collectstatic --noinput -v 0
manage referentiedata_laden
manage gebieden_laden
manage capaciteit_laden
manage demo_mailboxen_laden
manage demo_accounts_laden >"$DATA/demo-accounts.txt"
manage demo_verzoeken_laden
# A command of the caller's after the data and before the processes start, with this
# environment (`make bench-load` fills the database with ten years there, before any worker
# writes beside it; ADR 0054). Not for normal use.
if [ -n "${PB_RUN_PROD_NA_LADEN:-}" ]; then
  bash -c "$PB_RUN_PROD_NA_LADEN" || fout "PB_RUN_PROD_NA_LADEN mislukte (code $?): $PB_RUN_PROD_NA_LADEN"
fi

# --- The processes --------------------------------------------------------------------------------
# Started directly (not through the shell function), so that $! is the process itself.
# The mail catcher first, and the workers only once it answers: the demo's messages are already
# in the outbox, and a worker that found the port still closed would put each one off by a
# minute and more (ADR 0034's retry), so that the first mail took two minutes to arrive.
# (Before it starts, a server already on its port, e.g. `make run`'s catcher, would answer for it.)
if (exec 3<>"/dev/tcp/127.0.0.1/$MAILPOORT") 2>/dev/null; then
  fout "poort $MAILPOORT op 127.0.0.1 is bezet (draait make run nog?); zet PB_MAILVANGER_POORT op een vrije poort."
fi
mkdir -p "$DATA/mail"
"$BIN/politiebijstand" manage mailvanger --poort "$MAILPOORT" --map "$DATA/mail" &
vanger=$!
pids="$pids $vanger"
# Until it greets (220), at most 120 s, or until it has stopped.
"$BIN/python" - "$MAILPOORT" "$vanger" <<'PY' || fout "de mailvanger start niet op 127.0.0.1:$MAILPOORT."
import os, socket, sys, time
poort, pid = int(sys.argv[1]), int(sys.argv[2])
einde = time.monotonic() + 120
while time.monotonic() < einde:
    try:
        with socket.create_connection(("127.0.0.1", poort), timeout=5) as s:
            if s.recv(3) == b"220":
                sys.exit(0)
    except OSError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        break
    time.sleep(0.2)
sys.exit(1)
PY
"$BIN/politiebijstand" manage run_huey &
pids="$pids $!"
"$BIN/politiebijstand" manage run_huey --no-periodic &
pids="$pids $!"
"$BIN/gunicorn" -c python:politiebijstand.conf.gunicorn politiebijstand.conf.lokaal_wsgi:application --workers 2 \
  --bind "127.0.0.1:$PORT" --graceful-timeout 5 &
pids="$pids $!"

echo ""
cat "$DATA/demo-accounts.txt"
echo ""
echo "politiebijstand draait in productiemodus op http://127.0.0.1:$PORT/ : 2 webprocessen (gunicorn),"
echo "2 werkers (huey, één met de periodieke taken), PostgreSQL op 127.0.0.1:$pgpoort (data in $PG),"
echo "e-mail naar de mailvanger ($DATA/mail). Log in met een demo-account hierboven (Ctrl-C stopt alles)."
echo ""
# When whoever started it ends without passing a signal on (make or a supervisor killed
# outright; make stopped by its own pid passes SIGTERM to this script, which it execs), stop all
# of it too instead of leaving the processes and the cluster running (an operator's trial, #13). The sleep runs as a job the
# trap ends, so that nothing of it outlives the stop.
ouder=$PPID
(
  trap 'kill "$slaap" 2>/dev/null; exit 0' TERM
  while kill -0 "$ouder" 2>/dev/null; do
    sleep 1 &
    slaap=$!
    wait "$slaap"
  done
  echo "run-prod: het proces dat run-prod startte ($ouder) is gestopt; alles stopt." >&2
) &
pids="$pids $!"
# When one of them ends, stop all of them (the EXIT trap).
# shellcheck disable=SC2086
wait -n $pids || true
echo "run-prod: een proces is gestopt; alles stopt." >&2
exit 1
