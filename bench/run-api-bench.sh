#!/usr/bin/env bash
# Throughput and p99 latency of GET /api/pools under wrk, against a do-nothing route of the same server.
# Starts its own devchain and the server in-process (H2 in memory), so it needs nothing running; installs wrk
# (Debian package) if it is missing. Takes about a minute. Results: docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
  apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
fi
[ -x node_modules/.bin/anvil ] || npm ci --no-audit --no-fund --loglevel=error
mvn -q -Dnpm.skip test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.lsttracker.bench.ApiBench -Dexec.cleanupDaemonThreads=false
