#!/usr/bin/env bash
# Runs one of Samsa's command-line tools (a main class in tools/): samsa-run-tool.sh CLASS [ARGS...]
# A small heap, a JVM tuned to start fast rather than to run long, and logging to stderr only
# (config/tools-logback.xml), so standard output holds the tool's results. Each setting yields to
# the environment variable of samsa-run-class.sh that names it.
base_dir=$(cd "$(dirname "$0")/.." && pwd)
: "${SAMSA_HEAP_OPTS:=-Xmx256m}"
: "${SAMSA_JVM_PERFORMANCE_OPTS:=-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Djava.awt.headless=true}"
: "${SAMSA_LOG_CONFIG:=$base_dir/config/tools-logback.xml}"
export SAMSA_HEAP_OPTS SAMSA_JVM_PERFORMANCE_OPTS SAMSA_LOG_CONFIG
exec "$base_dir/bin/samsa-run-class.sh" "$@"
