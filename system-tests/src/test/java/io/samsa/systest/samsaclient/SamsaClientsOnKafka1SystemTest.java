package io.samsa.systest.samsaclient;

import io.samsa.systest.harness.BrokerKind;

/** The Samsa client suite against Kafka, 1 broker. */
class SamsaClientsOnKafka1SystemTest extends ClientSuite implements TransactionalConsumerTests {

    @Override
    BrokerKind kind() {
        return BrokerKind.KAFKA;
    }

    @Override
    int brokers() {
        return 1;
    }
}
