#!/usr/bin/env bash
# Samsa's kafka-console-producer: sends each line of standard input as a record, with Kafka's flags
# (--help for all of them), e.g.
#   samsa-console-producer.sh --bootstrap-server localhost:9092 --topic orders --key-separator : < lines.txt
exec "$(dirname "$0")/samsa-run-tool.sh" io.samsa.tools.consoleproducer.ConsoleProducer "$@"
