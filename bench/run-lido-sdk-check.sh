#!/usr/bin/env bash
# Lido's own SDK (@lidofinance/lido-ethereum-sdk, pinned in package.json) against a devchain of mainnet's block
# density, side by side with the tracker: the SDK's getSmaApr({ days: 7 }) and getLastApr() against the tracker's
# lido-sdk-7d and last-report windows (the SDK's figure must be its integer formula on the tracker window's rates and
# span, and the tracker's exact APR within one unit of the SDK's 4th decimal), and the tracker's own 7d window (which
# differs when the SDK's extra report is unlike the others). Results: docs/BENCHMARKS.md and docs/REWARDS.md.
#
#   bench/run-lido-sdk-check.sh [DAYS]      build a devchain of DAYS dense days (default 9), then compare
#   LST_RPC_URL=http://127.0.0.1:PORT bench/run-lido-sdk-check.sh
#                                           compare on a devchain already running
#
# Why 9 dense days: the SDK looks for its first report 7 x 7,600 blocks (7.4 mainnet days) before the last one, so
# a report must lie that far back: the devchain's first report comes on the day after its history starts and the
# last on the day before today, so 9 days put one in the SDK's first range (8 leave it empty, and the SDK then takes
# the history's first report). Building it takes anvil 1.7.1 time quadratic in the chain's length (each block copies
# the table of every block hash): about half an hour for 9 days on 2 cores (docs/BENCHMARKS.md). The devchain starts at block 23,000,000 (--genesis-block) as mainnet
# is about there. LidoSdkOnDevchainTest is the quick version of this check on the default (sparse) history.
set -euo pipefail
cd "$(dirname "$0")/.."
days=${1:-9}
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
from datetime import datetime
from decimal import Decimal
windows = {w["window"]: w for w in json.load(open(sys.argv[1]))}
sdk = json.load(open(sys.argv[2]))

def seconds(text):
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())

def sdk_formula(w):
    """The SDK's calculateAprFromRebaseEvent on the window's 1e27 share rates and span, integer arithmetic truncating
    toward zero as JavaScript's BigInt does, in percent."""
    pre = int(Decimal(w["startRate"]).scaleb(27))
    post = int(Decimal(w["endRate"]).scaleb(27))
    t = seconds(w["endTime"]) - seconds(w["startTime"])
    units = 31_536_000 * (post - pre) * 1_000_000
    units = abs(units) // pre * (1 if units >= 0 else -1)
    units = abs(units) // t * (1 if units >= 0 else -1)
    return Decimal(units) / Decimal(10_000)

first_start = int(sdk["first"]["reportTimestamp"]) - int(sdk["first"]["timeElapsed"])
print(f"Lido's SDK: first report at block {sdk['first']['block']} (its period starts at {first_start}), "
      f"last at block {sdk['last']['block']}")
print(f"{'tracker window':16} {'reports':>7} {'from':>21} {'to':>21} {'APR % exact':>22} {'SDK formula':>11}  SDK")
ok = True
for name, sdk_value in (("last-report", sdk["lastApr"]), ("lido-sdk-7d", sdk["smaApr7"]), ("7d", None)):
    w = windows[name]
    if w["apr"] is None:
        print(f"{name:16} no rate: {w['reason']}")
        ok = False
        continue
    exact = Decimal(w["apr"]) * 100
    formula = sdk_formula(w)
    shown = "" if sdk_value is None else str(sdk_value)
    print(f"{name:16} {w['reports']:>7} {w['startTime']:>21} {w['endTime']:>21} {exact:>22.16f} {formula:>11}  {shown}")
    if sdk_value is not None and (formula != Decimal(str(sdk_value)) or abs(exact - formula) > Decimal("0.0001")):
        ok = False
sdk_window = windows["lido-sdk-7d"]
if sdk_window["apr"] is not None and windows["7d"]["apr"] is not None:
    gap = (Decimal(sdk_window["apr"]) - Decimal(windows["7d"]["apr"])) * 100
    print(f"lido-sdk-7d - 7d: {gap:+.4f} percentage points "
          f"({sdk_window['reports']} reports against {windows['7d']['reports']})")
print("tracker and SDK agree" if ok else "MISMATCH between the tracker and Lido's SDK")
sys.exit(0 if ok else 1)
PY
