#!/usr/bin/env bash
# Samsa's kafka-get-offsets (GetOffsetShell): partitions' offsets, topic:partition:offset a line, with
# Kafka's flags (--help for all of them), e.g.
#   samsa-get-offsets.sh --bootstrap-server localhost:9092 --topic orders --time earliest
exec "$(dirname "$0")/samsa-run-tool.sh" io.samsa.tools.offsets.GetOffsetsCommand "$@"
