#!/usr/bin/env bash
# Samsa's kafka-dump-log: prints the contents of a broker's log files (segments, indexes, producer
# snapshots) without a running broker, with Kafka's flags (--help for all of them), e.g.
#   samsa-dump-log.sh --files /tmp/samsa-quickstart/orders-0/00000000000000000000.log --print-data-log
exec "$(dirname "$0")/samsa-run-tool.sh" io.samsa.tools.dumplog.DumpLogCommand "$@"
