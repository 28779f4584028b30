#!/usr/bin/env bash
# Start-up to healthy of `serve`, with and without an AppCDS archive, against a bare Micronaut start of the same jar
# (a training start writes the archive, then 3 rounds each, alternately; ROUNDS=1 for a quick look).
# Needs nothing running; builds the jar if it is missing. A few minutes on 2 cores. Results: docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/lst-tracker.jar ] || mvn -q -DskipTests package
mvn -q -Dnpm.skip test-compile exec:java -Dexec.classpathScope=test \
  -Drounds="${ROUNDS:-3}" -Dexec.mainClass=io.lsttracker.bench.StartupBench -Dexec.cleanupDaemonThreads=false
