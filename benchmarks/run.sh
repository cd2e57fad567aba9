#!/usr/bin/env bash
# The benchmark suite of issue 7: send throughput, pacing and webhook ingest of camel-whatsapp-marketing side by side
# with Apache camel-whatsapp 4.18.0, the tier over TLS HTTP/2 and a 1,000,000-recipient campaign (issue 13), the
# message ledger on PostgreSQL against none (issue 12), plus JMH micro-benchmarks. Prints one table per scenario (each
# figure for both variants and the ratio) and writes it to benchmarks/target/bench/RESULTS.md.
#
#   benchmarks/run.sh                         # full suite, about 22 minutes
#   benchmarks/run.sh -Dbench.quick=true      # smoke run, 1-2 minutes
#   benchmarks/run.sh -Dbench.parts=webhook   # only some parts: send,pacing,throughput,campaign,webhook,ledger,jmh
#   BENCH_SKIP_BUILD=true benchmarks/run.sh   # reuse the last build
#
# Every -D option is passed to the suite; see benchmarks/README.md for the list.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${BENCH_SKIP_BUILD:-false}" != "true" ]]; then
    ./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
fi
cd benchmarks
exec java -Xms256m -Xmx256m -Dbench.command="benchmarks/run.sh${*:+ $*}" "$@" \
    -cp "target/classes:$(cat target/classpath.txt)" \
    io.github.cwmarketing.whatsapp.benchmarks.BenchmarkSuite
