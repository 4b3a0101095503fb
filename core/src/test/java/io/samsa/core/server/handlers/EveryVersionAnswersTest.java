package io.samsa.core.server.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.samsa.core.network.BrokerConnection;
import io.samsa.core.test.SamsaCluster;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.ApiMessage;
import io.samsa.protocol.message.ApiVersionsRequest;
import io.samsa.protocol.message.ApiVersionsResponse;
import io.samsa.protocol.message.ProduceRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every (API, version) the broker advertises is answered: a request with every field at its
 * default (nothing to create, delete or fetch) gets a response that parses at that version. A
 * handler that built an answer its version cannot carry would close the connection instead, so
 * this finds, for example, a non-ignorable field set where an old version lacks it.
 */
@Tag("integration")
@Timeout(120)
class EveryVersionAnswersTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(1, Map.of());

    @Test
    void everyAdvertisedVersionAnswersADefaultRequest() throws Exception {
        ApiVersionsResponse advertised;
        try (BrokerConnection c = connect()) {
            advertised = c.send(new ApiVersionsRequest(), (short) 0);
        }
        List<String> failed = new ArrayList<>();
        int answered = 0;
        for (ApiVersionsResponse.ApiVersion range : advertised.apiKeys()) {
            ApiKeys api = ApiKeys.forId(range.apiKey());
            for (short v = range.minVersion(); v <= range.maxVersion(); v++) {
                // A fresh connection per request: one that fails must not hide the next.
                try (BrokerConnection c = connect()) {
                    ApiMessage request = api.newRequest();
                    if (request instanceof ProduceRequest produce) {
                        produce.setAcks((short) 1);   // acks=0 is answered by silence
                    }
                    ApiMessage response = c.send(request, v);
                    assertNotNull(response);
                    answered++;
                } catch (IOException | RuntimeException e) {
                    failed.add(api + " v" + v + ": " + e);
                }
            }
        }
        assertEquals(List.of(), failed);
        int advertisedVersions = advertised.apiKeys().stream().mapToInt(r -> r.maxVersion() - r.minVersion() + 1).sum();
        assertEquals(advertisedVersions, answered);
        assertEquals(true, advertisedVersions > 190, advertisedVersions + " versions advertised");
    }

    private static BrokerConnection connect() throws IOException {
        return new BrokerConnection("127.0.0.1", cluster.port(0), "every-version", 10_000);
    }
}
