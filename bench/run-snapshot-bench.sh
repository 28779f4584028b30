#!/usr/bin/env bash
# Requests and wall time of one snapshot: lst-tracker's multicall against one eth_call per view function.
# Starts its own devchain (anvil from node_modules), so it needs nothing running. Results: docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/anvil ] || npm ci --no-audit --no-fund --loglevel=error
mvn -q -Dnpm.skip test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.lsttracker.bench.SnapshotBench -Dexec.cleanupDaemonThreads=false
