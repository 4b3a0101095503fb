package io.samsa.systest.tools;

import io.samsa.systest.harness.BrokerKind;

/** Samsa's tools against three Samsa brokers. */
class ToolsOnSamsaSystemTest extends ToolsSuite implements BrokerLoggersRefusedToolTests {

    @Override
    BrokerKind kind() {
        return BrokerKind.SAMSA;
    }
}
