package io.samsa.core.server.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.core.network.BrokerConnection;
import io.samsa.core.test.SamsaCluster;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.ApiVersionsRequest;
import io.samsa.protocol.message.ApiVersionsResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract of PROTOCOL.md: for every API the broker serves, ApiVersions advertises exactly the
 * range Apache Kafka 3.9.1 serves (kafka-clients' {@code ApiKeys}), from v0; and every API Samsa
 * has message classes for but does not advertise is one it has no handler for.
 */
@Tag("integration")
@Timeout(60)
class AdvertisedVersionsTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(1, Map.of());

    @Test
    void everyServedApiHasKafkaThreeNineRange() throws Exception {
        ApiVersionsResponse response;
        try (BrokerConnection c = new BrokerConnection("127.0.0.1", cluster.port(0), "advertised-versions", 10_000)) {
            response = c.send(new ApiVersionsRequest().setClientSoftwareName("test").setClientSoftwareVersion("1"), (short) 3);
        }
        assertEquals(0, response.errorCode());
        List<String> wrong = new ArrayList<>();
        for (ApiVersionsResponse.ApiVersion v : response.apiKeys()) {
            org.apache.kafka.common.protocol.ApiKeys kafka = org.apache.kafka.common.protocol.ApiKeys.forId(v.apiKey());
            if (v.minVersion() != kafka.oldestVersion() || v.maxVersion() != kafka.latestVersion()) {
                wrong.add(kafka.name + " advertised " + v.minVersion() + "-" + v.maxVersion() + ", Kafka 3.9.1 serves "
                    + kafka.oldestVersion() + "-" + kafka.latestVersion());
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(response.apiKeys().size() >= 29, "serves " + response.apiKeys().size() + " APIs");
        for (ApiKeys api : List.of(ApiKeys.PRODUCE, ApiKeys.FETCH, ApiKeys.LIST_OFFSETS, ApiKeys.OFFSET_COMMIT,
                ApiKeys.OFFSET_FETCH, ApiKeys.JOIN_GROUP, ApiKeys.CREATE_TOPICS)) {
            assertTrue(response.apiKeys().stream().anyMatch(v -> v.apiKey() == api.id() && v.minVersion() == 0), api + " from v0");
        }
    }
}
