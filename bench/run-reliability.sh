#!/usr/bin/env bash
# The one command behind docs/RELIABILITY.md: every fault-injection test (test classes named *Fault*,
# *Fuzz*, *Crash*, *Reorg*, *Security*, *Outage*, *Bounds*, *Startup* or *Hardening*: the RPC fault proxy,
# crash and reorg tests, the API fuzz run, the security checks, the database outage, bounded outside answers,
# start-up refusals and the HTTP guards), then the load test (bench/run-load-test.sh). Stops at the first failure.
# `--tests-only` skips the load test (about 4 minutes). Needs what `mvn test` needs; PostgreSQL tests run
# when PostgreSQL answers at 127.0.0.1:5432 (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/anvil ] || npm ci --no-audit --no-fund --loglevel=error
echo "== reliability tests (*Fault*, *Fuzz*, *Crash*, *Reorg*, *Security*, *Outage*, *Bounds*, *Startup*, *Hardening*)"
# surefire: no failure if one of the patterns matches nothing yet (each is another developer's part)
mvn -q -Dnpm.skip -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='*Fault*,*Fuzz*,*Crash*,*Reorg*,*Security*,*Outage*,*Bounds*,*Startup*,*Hardening*,SnapshotCycleTest,BackfillResumeTest' test
echo "reports: target/surefire-reports/ (the API fuzz run prints its summary above, from 'API fuzz:')"
if [ "${1:-}" != "--tests-only" ]; then
  echo "== load test"
  bench/run-load-test.sh
fi
echo "reliability: all passed"
