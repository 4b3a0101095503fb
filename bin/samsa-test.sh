#!/usr/bin/env bash
# Runs every test: unit, integration and system tests (real processes, real third-party clients).
# Installs the third-party client tools the system tests drive when they are missing (needs root).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/.ci/install-test-tools"
exec mvn -B verify "$@"
