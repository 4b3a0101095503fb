#!/usr/bin/env bash
# Samsa's kafka-topics: creates, lists, describes, alters and deletes topics, with Kafka's flags
# (--help for all of them), e.g.
#   samsa-topics.sh --bootstrap-server localhost:9092 --describe --topic orders [--output json]
exec "$(dirname "$0")/samsa-run-tool.sh" io.samsa.tools.topics.TopicCommand "$@"
