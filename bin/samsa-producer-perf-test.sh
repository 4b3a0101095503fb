#!/usr/bin/env bash
# Samsa's kafka-producer-perf-test: Samsa's producer driven with Kafka's ProducerPerformance flags
# and output (--help for the options), e.g.
#   samsa-producer-perf-test.sh --topic t --num-records 100000 --record-size 100 --throughput -1 \
#     --producer-props bootstrap.servers=localhost:9092 acks=all
# Runs with the broker's JVM options (a throughput test), a 512 MB heap, and logs to stderr.
base_dir=$(cd "$(dirname "$0")/.." && pwd)
: "${SAMSA_HEAP_OPTS:=-Xmx512m}"
: "${SAMSA_LOG_CONFIG:=$base_dir/config/tools-logback.xml}"
export SAMSA_HEAP_OPTS SAMSA_LOG_CONFIG
exec "$base_dir/bin/samsa-run-class.sh" io.samsa.tools.ProducerPerformance "$@"
