#!/usr/bin/env bash
# Samsa's kafka-console-consumer: prints the records of a topic, with Kafka's flags (--help for all
# of them), e.g.
#   samsa-console-consumer.sh --bootstrap-server localhost:9092 --topic orders --from-beginning --print-key
#   samsa-console-consumer.sh --bootstrap-server localhost:9092 --topic orders --offset -10 --format '%p:%o %k=%v'
exec "$(dirname "$0")/samsa-run-tool.sh" io.samsa.tools.consoleconsumer.ConsoleConsumer "$@"
