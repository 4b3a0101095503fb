#!/usr/bin/env bash
# Runs a Java main class on Samsa's classpath (tools/target/lib), building it first if needed.
# Usage: samsa-run-class.sh [-name NAME] CLASS [ARGS...]
set -euo pipefail
base_dir=$(cd "$(dirname "$0")/.." && pwd)
lib_dir="$base_dir/tools/target/lib"

if [ ! -d "$lib_dir" ] || ! ls "$lib_dir"/samsa-tools-*.jar >/dev/null 2>&1; then
  echo "Building Samsa (first run)..." >&2
  (cd "$base_dir" && mvn -B -q -DskipTests package -pl tools -am) >&2
fi

if [ "${1:-}" = "-name" ]; then
  shift 2
fi

: "${SAMSA_HEAP_OPTS:=-Xms512m -Xmx1g}"
: "${SAMSA_JVM_PERFORMANCE_OPTS:=-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true}"
# Shallower C2 inlining than HotSpot's defaults: the broker's hot paths (Netty's pipeline, the
# message classes, log append and read) inline into a few very large compilations under the
# defaults. Measured on the benchmark workloads, these limits halve the broker's JIT CPU at the
# same throughput and steady-state cost per record (README, "Benchmarks"). Set SAMSA_JVM_JIT_OPTS
# to an empty string for HotSpot's defaults.
: "${SAMSA_JVM_JIT_OPTS=-XX:MaxInlineLevel=6 -XX:InlineSmallCode=1000 -XX:FreqInlineSize=120}"
: "${SAMSA_LOG_CONFIG:=$base_dir/config/logback.xml}"
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# exec: the script's pid becomes the JVM's, so signals (SIGTERM, SIGKILL) reach it directly.
# shellcheck disable=SC2086
exec "$java_cmd" $SAMSA_HEAP_OPTS $SAMSA_JVM_PERFORMANCE_OPTS $SAMSA_JVM_JIT_OPTS ${SAMSA_OPTS:-} \
  -Dlogback.configurationFile="$SAMSA_LOG_CONFIG" \
  -cp "$lib_dir/*" "$@"
