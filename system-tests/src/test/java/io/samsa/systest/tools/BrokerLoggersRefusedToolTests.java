package io.samsa.systest.tools;

import io.samsa.systest.harness.CommandResult;
import org.junit.jupiter.api.Test;

import static io.samsa.systest.tools.SamsaTools.assertFailure;

/**
 * {@code samsa-configs.sh --entity-type broker-loggers} against brokers that do not serve log
 * levels (Samsa's answer DescribeConfigs of a BROKER_LOGGER with INVALID_REQUEST): one line, exit 1.
 * Only the Samsa suite implements this; Kafka's brokers serve them ({@link BrokerLoggersToolTests}).
 */
interface BrokerLoggersRefusedToolTests {

    SamsaTools tools();

    @Test
    default void brokerLoggersAreRefusedInOneLine() {
        String id = Integer.toString(tools().broker().brokerIds().get(0));
        String line = "samsa-configs: Broker " + id + " does not serve broker-logger configs (it answered: Resource type 8 "
                + "is not supported)";
        assertFailure(configs("--describe", "--broker-logger", id), line);
        assertFailure(configs("--alter", "--broker-logger", id, "--add-config", "root=INFO"), line);
    }

    private CommandResult configs(String... args) {
        return tools().onCluster("samsa-configs.sh", args);
    }
}
