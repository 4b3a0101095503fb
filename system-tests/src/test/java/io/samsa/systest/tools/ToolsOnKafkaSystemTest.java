package io.samsa.systest.tools;

import io.samsa.systest.harness.BrokerKind;

/** Samsa's tools against three Apache Kafka 3.9.1 brokers: the tests' oracle. */
class ToolsOnKafkaSystemTest extends ToolsSuite implements ThrottledReassignToolTests, BrokerLoggersToolTests,
        TransactionLogDumpToolTests {

    @Override
    BrokerKind kind() {
        return BrokerKind.KAFKA;
    }
}
