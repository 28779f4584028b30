#!/usr/bin/env bash
# Lido's own SDK (@lidofinance/lido-ethereum-sdk, pinned in package.json) against a devchain of mainnet's block
# density, side by side with the tracker: the SDK's getSmaApr({ days: 7 }) and getLastApr() against the tracker's
# lido-sdk-7d and last-report windows (which must agree to the SDK's 4 decimals), and the tracker's own 7d window
# (which differs when the SDK's extra report is unlike the others). Results: docs/BENCHMARKS.md and docs/REWARDS.md.
#
#   bench/run-lido-sdk-check.sh [DAYS]      build a devchain of DAYS dense days (default 8), then compare
#   LST_RPC_URL=http://127.0.0.1:PORT bench/run-lido-sdk-check.sh
#                                           compare on a devchain already running
#
# Why 8 dense days: the SDK looks for its first report 7 x 7,600 blocks (7.4 mainnet days) before the last one,
# so only a history of 12-second blocks that long puts a report in its first range. Building it takes anvil
# 1.7.1 time quadratic in the chain's length (each block copies the table of every block hash): about 40 minutes
# for 8 days on 2 cores (docs/BENCHMARKS.md). The devchain starts at block 23,000,000 (--genesis-block) as mainnet
# is about there. LidoSdkOnDevchainTest is the quick version of this check on the default (sparse) history.
set -euo pipefail
cd "$(dirname "$0")/.."
days=${1:-8}
[ -d node_modules/@lidofinance/lido-ethereum-sdk ] || npm ci --no-audit --no-fund --loglevel=error
[ -f target/lst-tracker.jar ] || mvn -B -q -ntp -DskipTests -Dnpm.skip package
work=$(mktemp -d)
devchain_pid=""
sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  [ -n "$devchain_pid" ] && kill "$devchain_pid" 2>/dev/null && wait "$devchain_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

rpc=${LST_RPC_URL:-}
if [ -z "$rpc" ]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  started=$(date +%s)
  java -jar target/lst-tracker.jar devchain --history-days "$days" --history-block-seconds 12 \
    --genesis-block 23000000 --beacon-validators 1000 --port "$port" >"$work/devchain.log" 2>&1 &
  devchain_pid=$!
  # anvil's resident memory and the chain's height every 30 s, while the history is built.
  (while sleep 30; do
     anvil=$(pgrep -f "anvil.*--port $port" | head -n 1 || true)
     [ -n "$anvil" ] && echo "$(( $(date +%s) - started )) s  anvil RSS $(( $(ps -o rss= -p "$anvil") / 1024 )) MB"
   done) >"$work/samples.log" &
  sampler_pid=$!
  until grep -q "devchain ready" "$work/devchain.log"; do
    kill -0 "$devchain_pid" 2>/dev/null || { cat "$work/devchain.log"; exit 1; }
    sleep 5
  done
  echo "devchain: $days dense days built in $(( $(date +%s) - started )) s; anvil RSS at the end: $(tail -n 1 "$work/samples.log")"
  rpc=http://127.0.0.1:$port
fi

head=$(curl -s -X POST -H 'content-type: application/json' \
  --data '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}' "$rpc" | jq -r .result)
echo "chain head: block $((head))"
java -jar target/lst-tracker.jar snapshot --rpc "$rpc" --rewards --format json 2>"$work/snapshot.err" \
  | jq '[.rewards[] | select(.pool == "lido") | .windows[]]' >"$work/tracker.json"
node src/test/node/lido-sdk-apr.mjs "$rpc" >"$work/sdk.json"

python3 - "$work/tracker.json" "$work/sdk.json" <<'PY'
import json, sys
from decimal import Decimal, ROUND_DOWN
windows = {w["window"]: w for w in json.load(open(sys.argv[1]))}
sdk = json.load(open(sys.argv[2]))

def as_sdk(apr):
    """The tracker's exact APR fraction as the SDK prints it: percent, rounded toward zero to 4 decimals."""
    return (Decimal(apr) * 1_000_000).to_integral_value(rounding=ROUND_DOWN) / Decimal(10_000)

first_start = int(sdk["first"]["reportTimestamp"]) - int(sdk["first"]["timeElapsed"])
print(f"Lido's SDK: first report at block {sdk['first']['block']} (its period starts at {first_start}), "
      f"last at block {sdk['last']['block']}")
print(f"{'tracker window':16} {'reports':>7} {'from':>21} {'to':>21} {'APR % exact':>22} {'as the SDK':>10}  SDK")
ok = True
for name, sdk_value in (("last-report", sdk["lastApr"]), ("lido-sdk-7d", sdk["smaApr7"]), ("7d", None)):
    w = windows[name]
    if w["apr"] is None:
        print(f"{name:16} no rate: {w['reason']}")
        ok = False
        continue
    exact = Decimal(w["apr"]) * 100
    printed = as_sdk(w["apr"])
    shown = "" if sdk_value is None else str(sdk_value)
    print(f"{name:16} {w['reports']:>7} {w['startTime']:>21} {w['endTime']:>21} {exact:>22.16f} {printed:>10}  {shown}")
    if sdk_value is not None and printed != Decimal(str(sdk_value)):
        ok = False
sdk_window = windows["lido-sdk-7d"]
if sdk_window["apr"] is not None and windows["7d"]["apr"] is not None:
    gap = (Decimal(sdk_window["apr"]) - Decimal(windows["7d"]["apr"])) * 100
    print(f"lido-sdk-7d - 7d: {gap:+.4f} percentage points "
          f"({sdk_window['reports']} reports against {windows['7d']['reports']})")
print("tracker and SDK agree" if ok else "MISMATCH between the tracker and Lido's SDK")
sys.exit(0 if ok else 1)
PY
