#!/usr/bin/env bash
# Runs every test: unit, integration and system tests (real processes, real third-party clients).
# Installs the third-party client tools the system tests drive when they are missing (needs root).
set -euo pipefail
cd "$(dirname "$0")/.."
"$(dirname "$0")/../.ci/install-test-tools"
exec mvn -B verify "$@"
