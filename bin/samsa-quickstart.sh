#!/usr/bin/env bash
# One command for a newcomer: builds if needed, then runs an embedded ZooKeeper (localhost:2181)
# and one broker on localhost:9092 in the foreground, with Prometheus metrics at
# http://localhost:9404/metrics. Ctrl-C stops both cleanly.
# Data lives under $SAMSA_DATA_DIR (default: /tmp/samsa-quickstart).
exec "$(dirname "$0")/samsa-run-class.sh" io.samsa.core.server.Quickstart "$@"
