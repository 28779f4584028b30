#!/usr/bin/env bash
# Load test: wrk with 64 connections for 60 s on GET /api/pools, then on a history query, against the tracker
# as a user runs it (`serve`, H2 file database, backfilled history) while live snapshots go on: the devchain
# mines a block every LOAD_BLOCK_TIME seconds and the tracker polls every LOAD_POLL_INTERVAL. Fails unless
# every answer is a 2xx, wrk saw no socket error, snapshots were stored during each run and the tracker
# logged no error. Prints requests/s, p50 and p99 per endpoint. Installs wrk (Debian package) if missing.
# Results: docs/RELIABILITY.md. Takes about 4 minutes; overrides: LOAD_DURATION, LOAD_CONNECTIONS,
# LOAD_THREADS, LOAD_HISTORY_DAYS, LOAD_BLOCK_TIME, LOAD_POLL_INTERVAL.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${LOAD_DURATION:-60s}
CONNECTIONS=${LOAD_CONNECTIONS:-64}
THREADS=${LOAD_THREADS:-2}
HISTORY_DAYS=${LOAD_HISTORY_DAYS:-30}
BLOCK_TIME=${LOAD_BLOCK_TIME:-2}
POLL_INTERVAL=${LOAD_POLL_INTERVAL:-3s}

if ! command -v wrk >/dev/null; then
  apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
fi
[ -x node_modules/.bin/anvil ] || npm ci --no-audit --no-fund --loglevel=error
mvn -q -Dnpm.skip -DskipTests package   # the jar of the code as it is now

work=$(mktemp -d /tmp/lst-load.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { # file, pattern, seconds
  for _ in $(seq 1 "$3"); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 1; done
  echo "timed out waiting for '$2' in $1:" >&2; tail -20 "$1" >&2; exit 1
}

rpc_port=$(free_port)
echo "devchain: $HISTORY_DAYS days of history, a block every $BLOCK_TIME s (logs: $work/devchain.log)"
java -jar target/lst-tracker.jar devchain --port "$rpc_port" --history-days "$HISTORY_DAYS" \
  --block-time "$BLOCK_TIME" >"$work/devchain.log" 2>&1 &
pids+=($!)
wait_for "$work/devchain.log" "devchain ready" 600
rpc="http://127.0.0.1:$rpc_port"

export LST_DB_URL="jdbc:h2:file:$work/db/lst-tracker"
to=$(date -u +%Y-%m-%dT%H:%M:%SZ)
from=$(date -u -d "-$((HISTORY_DAYS - 1)) days" +%Y-%m-%dT%H:%M:%SZ)
echo "backfill: hourly points from $from to $to"
java -jar target/lst-tracker.jar backfill --rpc "$rpc" --from "$from" --to "$to" --interval 1h \
  >"$work/backfill.log" 2>&1 || { tail -20 "$work/backfill.log" >&2; exit 1; }
tail -1 "$work/backfill.log"

http_port=$(free_port)
base="http://127.0.0.1:$http_port"
LST_HTTP_HOST=127.0.0.1 LST_HTTP_PORT=$http_port LST_POLL_INTERVAL=$POLL_INTERVAL \
  java -jar target/lst-tracker.jar serve --rpc "$rpc" >"$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$base/health" >/dev/null || { echo "serve did not become healthy:" >&2; tail -20 "$work/serve.log" >&2; exit 1; }

stored() { curl -fs "$base/prometheus" | awk '/^lst_snapshot_cycles_total\{outcome="stored"/ {print int($2)}'; }
block() { curl -fs "$base/health" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("latestBlock", 0))'; }

results=()
failed=0
run() { # name, path
  local before_stored before_block out non2xx socket p50 p99 rps after_stored after_block
  before_stored=$(stored); before_block=$(block)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$base$2")
  echo "$out" >"$work/wrk-$1.txt"
  after_stored=$(stored); after_block=$(block)
  non2xx=$(echo "$out" | awk '/Non-2xx or 3xx responses/ {print $NF}'); non2xx=${non2xx:-0}
  socket=$(echo "$out" | awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}'); socket=${socket:-0}
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  rps=$(echo "$out" | awk '/^Requests\/sec/ {print $2}')
  results+=("$(printf '%-40s %10s %9s %9s %8s %8s %10s' "$2" "$rps" "$p50" "$p99" "$non2xx" "$socket" \
    "$((after_stored - before_stored)) ($before_block..$after_block)")")
  if [ "$non2xx" != 0 ] || [ "$socket" != 0 ]; then echo "FAIL: $2: $non2xx non-2xx, $socket socket errors" >&2; failed=1; fi
  if [ "$((after_stored - before_stored))" -lt 1 ]; then echo "FAIL: $2: no snapshot stored during the run" >&2; failed=1; fi
}

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION on $(nproc) cores, live snapshots every $POLL_INTERVAL"
run pools "/api/pools"
run history "/api/pools/lido/history?interval=1h"
if grep -q " ERROR " "$work/serve.log"; then
  echo "FAIL: the tracker logged errors:" >&2; grep " ERROR " "$work/serve.log" | head -5 >&2; failed=1
fi

printf '%-40s %10s %9s %9s %8s %8s %10s\n' endpoint requests/s p50 p99 non-2xx socket "snapshots stored (blocks)"
printf '%s\n' "${results[@]}"
echo "history points per answer: $(curl -fs "$base/api/pools/lido/history?interval=1h" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["points"]))')"
echo "wrk output and logs: $work"
exit $failed
