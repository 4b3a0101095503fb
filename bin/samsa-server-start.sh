#!/usr/bin/env bash
# Starts one Samsa broker in the foreground: samsa-server-start.sh config/server.properties [--override key=value ...]
# SIGTERM (or Ctrl-C) shuts it down cleanly.
if [ $# -lt 1 ]; then
  echo "USAGE: $0 server.properties [--override property=value]*" >&2
  exit 2
fi
exec "$(dirname "$0")/samsa-run-class.sh" io.samsa.core.server.SamsaServerMain "$@"
