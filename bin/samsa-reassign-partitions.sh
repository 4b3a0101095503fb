#!/usr/bin/env bash
# Samsa's kafka-reassign-partitions: moves partitions' replicas between brokers, with Kafka's
# actions and JSON files (--help for all the options), e.g.
#   samsa-reassign-partitions.sh --bootstrap-server localhost:9092 --generate --topics-to-move-json-file topics.json --broker-list 0,1,2
#   samsa-reassign-partitions.sh --bootstrap-server localhost:9092 --execute --reassignment-json-file plan.json --wait
exec "$(dirname "$0")/samsa-run-tool.sh" io.samsa.tools.reassign.ReassignPartitionsCommand "$@"
