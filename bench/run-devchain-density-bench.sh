#!/usr/bin/env bash
# What a dense devchain history costs: `devchain --history-block-seconds 12` (about 7,200 blocks a day) against the
# default density (a block every 4 hours), built in the same run: wall time, state folder on disk, anvil's peak
# memory, and what clients can still read. LST_BENCH_DEFAULT_DAYS (default 30) sets the default history's length,
# LST_BENCH_DENSE_DAYS (default 30; a list such as 1,2,4 measures how the cost grows) the dense ones'.
# Starts its own devchains (anvil from node_modules). Results: docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/anvil ] || npm ci --no-audit --no-fund --loglevel=error
mvn -q -Dnpm.skip test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.lsttracker.bench.DevchainDensityBench -Dexec.cleanupDaemonThreads=false
