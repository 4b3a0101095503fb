#!/usr/bin/env bash
# Samsa's kafka-consumer-perf-test: Samsa's consumer driven with Kafka's ConsumerPerformance flags
# and output (--help for the options), e.g.
#   samsa-consumer-perf-test.sh --bootstrap-server localhost:9092 --topic t --messages 100000
# Runs with the broker's JVM options (a throughput test), a 512 MB heap, and logs to stderr.
base_dir=$(cd "$(dirname "$0")/.." && pwd)
: "${SAMSA_HEAP_OPTS:=-Xmx512m}"
: "${SAMSA_LOG_CONFIG:=$base_dir/config/tools-logback.xml}"
export SAMSA_HEAP_OPTS SAMSA_LOG_CONFIG
exec "$base_dir/bin/samsa-run-class.sh" io.samsa.tools.ConsumerPerformance "$@"
