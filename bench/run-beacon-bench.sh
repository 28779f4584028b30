#!/usr/bin/env bash
# Reading 1.1 million simulated validators through the tracker's streamed BeaconClient.validators against a
# baseline that only reads the answer's bytes, in one JVM limited to 256 MB of heap (Maven's own share included),
# then the deposit index's request count for mainnet. Pass a validator count to try another size.
# Results: docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
MAVEN_OPTS="-Xmx256m ${MAVEN_OPTS:-}" mvn -q -Dnpm.skip test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.lsttracker.bench.BeaconBench -Dexec.cleanupDaemonThreads=false -Dexec.args="${1:-1100000}"
