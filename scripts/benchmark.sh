#!/usr/bin/env bash
# Timed benchmarks (not tests): the reduced flow of every preset (median of N warm runs) and the full model's
# gradient kernel against the machine's EJML matrix-multiply rate. Figures go in the README.
# Usage: scripts/benchmark.sh [reduced|kernel|all] [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"
what="${1:-all}"
n="${2:-21}"
mvn -B -q -DskipTests test-compile dependency:build-classpath -pl numerics -am \
  -Dmdep.outputFile="$root/numerics/target/benchmark-classpath.txt" 1>&2
cp="$root/numerics/target/test-classes:$root/numerics/target/classes:$root/theory/target/classes:$(cat "$root/numerics/target/benchmark-classpath.txt")"
if [[ "$what" == reduced || "$what" == all ]]; then
  java -cp "$cp" io.github.softmaxicl.numerics.reduced.ReducedFlowBenchmark "$n"
fi
if [[ "$what" == kernel || "$what" == all ]]; then
  java -cp "$cp" io.github.softmaxicl.numerics.full.GradientKernelBenchmark
fi
