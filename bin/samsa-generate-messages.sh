#!/usr/bin/env bash
# Regenerates the message classes in clients/src/main/java/io/samsa/protocol/message from the
# schemas in generator/ (io.samsa.generator.messages). Run it after changing a schema and commit
# the result: the clients tests fail while a generated file differs from its schema.
set -euo pipefail
base_dir=$(cd "$(dirname "$0")/.." && pwd)
cd "$base_dir"
mvn -B -q -pl generator compile
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java_cmd" -cp generator/target/classes io.samsa.generator.MessageGenerator clients/src/main/java
