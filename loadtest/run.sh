#!/usr/bin/env bash
# `make loadtest`: province-scale PostgreSQL database (generated once, then reused), gunicorn
# with 2 workers on loopback, locust headless with 200 users for 5 minutes, then
# loadtest/RESULTS.md (errors, p50/p95, requests/s, RSS of the workers at start and end).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
URL="${LOADTEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/thidua_loadtest_bench}"
PORT="${LOADTEST_PORT:-18765}"
USERS="${LOADTEST_USERS:-200}"
SPAWN="${LOADTEST_SPAWN_RATE:-20}"
DURATION="${LOADTEST_DURATION:-5m}"
VAR=loadtest/var
mkdir -p "$VAR"
DBNAME="${URL##*/}"
ADMIN_URL="${URL%/*}/postgres"
if ! $BIN/python - "$ADMIN_URL" "$DBNAME" <<'PY'
import sys, psycopg
with psycopg.connect(sys.argv[1], autocommit=True) as c:
    if not c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [sys.argv[2]]).fetchone():
        c.execute(f'CREATE DATABASE "{sys.argv[2]}"')
PY
then echo "PostgreSQL không truy cập được ($ADMIN_URL)"; exit 1; fi

export THIDUA_DATABASE_URL="$URL" THIDUA_DEBUG=0 THIDUA_ALLOWED_HOSTS=127.0.0.1,localhost
[ -s "$VAR/secret" ] || $BIN/python -c "import secrets; print(secrets.token_urlsafe(50))" > "$VAR/secret"
export THIDUA_SECRET_KEY_FILE="$VAR/secret"
export THIDUA_SSL_REDIRECT=0 THIDUA_SECURE_COOKIES=0 THIDUA_LOG_LEVEL=WARNING
$BIN/python loadtest/prepare.py

if ! $BIN/python -c "import socket,sys; s=socket.socket(); s.bind(('127.0.0.1', int(sys.argv[1])))" "$PORT" 2>/dev/null; then
  echo "Cổng $PORT đang bận; đặt LOADTEST_PORT khác."; exit 1
fi
export PROMETHEUS_MULTIPROC_DIR="$VAR/prometheus"
rm -rf "$PROMETHEUS_MULTIPROC_DIR" && mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
$BIN/gunicorn thidua.wsgi:application --workers 2 --threads "${LOADTEST_THREADS:-4}" --bind "127.0.0.1:$PORT" \
  --timeout 60 --access-logfile /dev/null --error-logfile "$VAR/gunicorn.log" --pid "$VAR/gunicorn.pid" &
GUNICORN=$!
trap 'kill "$GUNICORN" 2>/dev/null || true; wait "$GUNICORN" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 1
done
kill -0 "$GUNICORN" 2>/dev/null || { echo "gunicorn không chạy (xem $VAR/gunicorn.log)"; exit 1; }
curl -fsS "http://127.0.0.1:$PORT/healthz"; echo
workers() { pgrep -P "$GUNICORN" | tr '\n' ' '; }
rss() { for p in $(workers); do ps -o rss= -p "$p"; done | awk '{s=s $1/1024 " "} END {print s}'; }
: > "$VAR/rss.log"
( while kill -0 "$GUNICORN" 2>/dev/null; do echo "$(date +%s) $(rss)" >> "$VAR/rss.log"; sleep 15; done ) &
SAMPLER=$!
START_RSS="$(rss)"
$BIN/locust -f loadtest/locustfile.py --headless -u "$USERS" -r "$SPAWN" -t "$DURATION" \
  --host "http://127.0.0.1:$PORT" --csv "$VAR/locust" --only-summary --stop-timeout 10 \
  > "$VAR/locust.log" 2>&1 || true
END_RSS="$(rss)"
kill "$SAMPLER" 2>/dev/null || true
$BIN/python loadtest/report.py --users "$USERS" --duration "$DURATION" \
  --start-rss "$START_RSS" --end-rss "$END_RSS" --db "$DBNAME"
