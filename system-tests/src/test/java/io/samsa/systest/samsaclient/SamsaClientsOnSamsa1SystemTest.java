package io.samsa.systest.samsaclient;

import io.samsa.systest.harness.BrokerKind;

/** The Samsa client suite against Samsa, 1 broker. */
class SamsaClientsOnSamsa1SystemTest extends ClientSuite {

    @Override
    BrokerKind kind() {
        return BrokerKind.SAMSA;
    }

    @Override
    int brokers() {
        return 1;
    }
}
