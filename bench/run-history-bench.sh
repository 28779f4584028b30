#!/usr/bin/env bash
# The history query (a year of 5-minute snapshots of 11 pools, downsampled to days) on H2 and PostgreSQL,
# against fetching the year into Java and downsampling there. Starts the local PostgreSQL cluster if it is
# down; if PostgreSQL still cannot be reached, runs H2 only and says so. Results: docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ] \
    && ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start \
    || echo "could not start PostgreSQL; the benchmark will run on H2 only"
  for _ in $(seq 1 20); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
fi
mvn -q -Dnpm.skip test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.lsttracker.bench.HistoryBench -Dexec.cleanupDaemonThreads=false
