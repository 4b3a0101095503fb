#!/usr/bin/env bash
# Starts a ZooKeeper server in the foreground from the ZooKeeper jar Samsa ships with.
if [ $# -lt 1 ]; then
  echo "USAGE: $0 zookeeper.properties" >&2
  exit 2
fi
: "${SAMSA_HEAP_OPTS:=-Xms256m -Xmx512m}"
export SAMSA_HEAP_OPTS
exec "$(dirname "$0")/samsa-run-class.sh" org.apache.zookeeper.server.quorum.QuorumPeerMain "$@"
