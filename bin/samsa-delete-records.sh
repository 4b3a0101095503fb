#!/usr/bin/env bash
# Samsa's kafka-delete-records: deletes partitions' records before the offsets a JSON file gives and
# prints the new low watermarks, with Kafka's flags (--help for all of them), e.g.
#   samsa-delete-records.sh --bootstrap-server localhost:9092 --offset-json-file trim.json
# where trim.json is {"partitions": [{"topic": "orders", "partition": 0, "offset": 100}], "version": 1}
exec "$(dirname "$0")/samsa-run-tool.sh" io.samsa.tools.records.DeleteRecordsCommand "$@"
