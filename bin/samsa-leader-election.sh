#!/usr/bin/env bash
# Samsa's kafka-leader-election: elects partitions' preferred (or, unclean, any live) replicas as
# leaders, with Kafka's flags (--help for all of them), e.g.
#   samsa-leader-election.sh --bootstrap-server localhost:9092 --election-type preferred --all-topic-partitions
exec "$(dirname "$0")/samsa-run-tool.sh" io.samsa.tools.election.LeaderElectionCommand "$@"
