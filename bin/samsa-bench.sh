#!/usr/bin/env bash
# Benchmarks, never tests (see README, "Benchmarks"):
#   samsa-bench.sh [--quick] [--reps N] [--workloads W1,..] [--brokers samsa,kafka] [--clients kafka,samsa] [--help]
#       Samsa against Apache Kafka 3.9.1 side by side, driven by Kafka's own perf tools, and Samsa's
#       client against kafka-clients 3.9.1 where Samsa has a perf tool (the produce workloads and W3).
#   samsa-bench.sh jmh [JMH options, e.g. -f 1 -wi 2 -i 3 LogValidator]
#       The JMH microbenchmarks of the broker's hot paths.
# SAMSA_BENCH_TOOL_OPTS adds JVM options to every perf tool (e.g. JFR: -XX:StartFlightRecording=filename=DIR/).
# Builds tools/ and bench/ first when a main source or pom is newer than the last build
# (SAMSA_BENCH_SKIP_BUILD=1 skips that check).
set -euo pipefail
base_dir=$(cd "$(dirname "$0")/.." && pwd)
lib_dir="$base_dir/bench/target/lib"

stamp=$(ls "$lib_dir"/samsa-bench-*.jar 2>/dev/null | head -n 1 || true)
needs_build=
if [ -z "$stamp" ] || ! ls "$base_dir"/tools/target/lib/samsa-tools-*.jar >/dev/null 2>&1; then
  needs_build=1
elif [ "${SAMSA_BENCH_SKIP_BUILD:-}" != 1 ] && [ -n "$(find "$base_dir" \( -path "$base_dir/.git" -o -name target \) -prune \
      -o -type f \( -path '*/src/main/*' -o -name pom.xml \) -newer "$stamp" -print -quit)" ]; then
  needs_build=1
fi
if [ -n "$needs_build" ]; then
  echo "Building Samsa and the benchmarks..." >&2
  (cd "$base_dir" && mvn -B -q -DskipTests package -pl tools,bench -am) >&2
fi

java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ "${1:-}" = "jmh" ]; then
  shift
  exec "$java_cmd" -cp "$lib_dir/*" org.openjdk.jmh.Main "$@"
fi
exec "$java_cmd" -Xmx512m -Dsamsa.home="$base_dir" -Dlogback.configurationFile=io/samsa/bench/quiet-logback.xml \
  -cp "$lib_dir/*" io.samsa.bench.BenchMain "$@"
