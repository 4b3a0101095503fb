#!/usr/bin/env bash
# Samsa's kafka-consumer-groups: lists, describes (offsets, lag and total lag, members, state) and
# deletes consumer groups, and deletes or resets their offsets, with Kafka's flags (--help for all
# of them), e.g.
#   samsa-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group orders-app [--output json]
#   samsa-consumer-groups.sh --bootstrap-server localhost:9092 --reset-offsets --group orders-app --topic orders --to-earliest --dry-run
exec "$(dirname "$0")/samsa-run-tool.sh" io.samsa.tools.groups.ConsumerGroupCommand "$@"
