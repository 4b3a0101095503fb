package io.samsa.systest.tools;

import io.samsa.systest.harness.BrokerKind;

/** Samsa's tools against three Samsa brokers. */
class ToolsOnSamsaSystemTest extends ToolsSuite {

    @Override
    BrokerKind kind() {
        return BrokerKind.SAMSA;
    }
}
