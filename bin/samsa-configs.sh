#!/usr/bin/env bash
# Samsa's kafka-configs: describes and alters topic and broker configs, with Kafka's flags (--help
# for all of them), e.g.
#   samsa-configs.sh --bootstrap-server localhost:9092 --describe --entity-type topics --entity-name orders [--all] [--output json]
#   samsa-configs.sh --bootstrap-server localhost:9092 --alter --entity-type topics --entity-name orders --add-config retention.ms=86400000
exec "$(dirname "$0")/samsa-run-tool.sh" io.samsa.tools.configs.ConfigCommand "$@"
