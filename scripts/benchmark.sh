#!/usr/bin/env bash
# JMH benchmarks (module bench): the reduced flow of every preset, one evaluation of the reduced field, the full
# model's gradient kernel at paper and small sizes (1 and 2 threads) beside the machine's DGEMM (OpenBLAS,
# 1024x1024, 1 and 2 threads) and EJML's dense multiply measured in the same run, prompt generation and one
# paper-sized SGD step. Prints JMH's table, then the derived figures for the README (kernel GFLOP/s, DGEMM GFLOP/s
# and their ratio per thread count).
#
# Usage: scripts/benchmark.sh [--long] [--no-build] [JMH arguments...]
#   (default)   a short run: 1 fork, 2 warm-up and 3 measurement iterations of 1 s each (noisy; ≈ 3 min on a
#               quiet machine, most of it the SGD step)
#   --long      the iteration counts and times annotated on each benchmark, in 3 forks (≈ 15 min)
#   --no-build  use the existing bench/target/benchmarks.jar
#   JMH arguments are passed through, e.g. a regex of benchmarks and parameters:
#     scripts/benchmark.sh ReducedFlow -p preset=paper -p options=defaults
#     scripts/benchmark.sh --long GradientKernel
#     scripts/benchmark.sh 'GradientKernel|OpenBlasMultiply'   # the kernel and its yardstick only
#     scripts/benchmark.sh ReducedFlow -p preset=paper -p options=same-integrator   # plain DP853 baseline
# JMH's own options (java -jar bench/target/benchmarks.jar -h) come after ours and win over the defaults.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"
timing=(-f 1 -wi 2 -i 3 -w 1s -r 1s)
build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --long) timing=(-f 3); shift ;;
    --no-build) build=0; shift ;;
    *) break ;;
  esac
done
if (( build )); then
  mvn -B -q -DskipTests package -pl bench -am 1>&2
fi
jar="$root/bench/target/benchmarks.jar"
csv="$root/bench/target/jmh-results.csv"
printf 'machine: %s cores, load average %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$jar" "${timing[@]}" -rf csv -rff "$csv" "$@"
echo
echo "figures:"
java -cp "$jar" io.github.softmaxicl.bench.Figures "$csv"
