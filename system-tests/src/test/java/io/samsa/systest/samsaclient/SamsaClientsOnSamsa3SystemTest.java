package io.samsa.systest.samsaclient;

import io.samsa.systest.harness.BrokerKind;

/** The Samsa client suite against Samsa, 3 brokers. */
class SamsaClientsOnSamsa3SystemTest extends ClientSuite {

    @Override
    BrokerKind kind() {
        return BrokerKind.SAMSA;
    }

    @Override
    int brokers() {
        return 3;
    }
}
