package io.samsa.protocol;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/** Every (API, version, direction) Samsa defines, as JUnit arguments. */
final class MessageCatalog {

    private MessageCatalog() {
    }

    static List<Arguments> everyMessageVersion() {
        List<Arguments> all = new ArrayList<>();
        for (ApiKeys api : ApiKeys.values()) {
            for (short v = api.oldestVersion(); v <= api.latestVersion(); v++) {
                all.add(Arguments.of(api, v, true));
                all.add(Arguments.of(api, v, false));
            }
        }
        return all;
    }

    static MessageSpec spec(ApiKeys api, boolean request) {
        return request ? api.requestSpec() : api.responseSpec();
    }
}
