#!/usr/bin/env bash
# A year of daily history of every pool: lst-tracker's backfill against one eth_call per view function per
# point, in the same run. Starts its own devchain with 365 days of history (anvil from node_modules), unless
# LST_BENCH_RPC points at a running `devchain --history-days 365 --block-time 0`. Results: docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/anvil ] || npm ci --no-audit --no-fund --loglevel=error
mvn -q -Dnpm.skip test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.lsttracker.bench.BackfillBench -Dexec.cleanupDaemonThreads=false
