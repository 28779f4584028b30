#!/usr/bin/env bash
# Dashboard page weight and render time against a minimal page of the same server, in headless Chromium.
# Installs Debian's chromium and chromium-driver if missing. Results: docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! dpkg -s chromium chromium-driver >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
[ -x node_modules/.bin/anvil ] || npm ci --no-audit --no-fund --loglevel=error
mvn -q -Dnpm.skip test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.lsttracker.bench.DashboardBench -Dexec.cleanupDaemonThreads=false
