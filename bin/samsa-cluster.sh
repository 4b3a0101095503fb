#!/usr/bin/env bash
# The cluster at a glance: brokers, controller, topic and partition counts, under-replicated and
# offline partitions (--help for the options), e.g.
#   samsa-cluster.sh --bootstrap-server localhost:9092 [--output json]
exec "$(dirname "$0")/samsa-run-tool.sh" io.samsa.tools.cluster.ClusterCommand "$@"
