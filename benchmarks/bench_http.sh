#!/usr/bin/env bash
# HTTP latency and throughput of POST /api/ask under load from wrk, on loopback only.
#   benchmarks/bench_http.sh [seconds] [connections]
# Starts `helpdesk serve` on a free loopback port, loads it with wrk (Debian's
# package) for a bounded time, prints wrk's latency distribution, and stops the server.
# The questions it asks are recorded in a throw-away database, never in the staff's;
# HELPDESK_RECORD_QUESTIONS=false measures the service without recording them.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15}"
CONNECTIONS="${2:-8}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
PORT=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
RECORDS=$(mktemp -d)
export HELPDESK_DATABASE_URL="sqlite:///$RECORDS/bench.sqlite3"
.venv/bin/helpdesk serve --host 127.0.0.1 --port "$PORT" >/tmp/helpdesk-bench.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$RECORDS"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 0.25
done
THREADS=$(( CONNECTIONS < 2 ? 1 : 2 ))
echo "POST /api/ask, ${DURATION}s, ${CONNECTIONS} connections, ${THREADS} wrk threads, one uvicorn worker, questions recorded: ${HELPDESK_RECORD_QUESTIONS:-true}:"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s benchmarks/ask.lua "http://127.0.0.1:$PORT/api/ask"
