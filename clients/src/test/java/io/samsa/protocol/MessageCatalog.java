package io.samsa.protocol;

import io.samsa.generator.messages.MessageSchemas;
import io.samsa.generator.schema.MessageSpec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/** Every (API, version, direction) Samsa defines, as JUnit arguments, and the schema behind each. */
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

    /** The schema the message class of this API and direction was generated from. */
    static MessageSpec spec(ApiKeys api, boolean request) {
        for (MessageSchemas.Api a : MessageSchemas.ALL) {
            if (a.request().apiKey() == api.id()) {
                return request ? a.request() : a.response();
            }
        }
        throw new IllegalArgumentException("No schema for " + api);
    }

    static ApiMessage parse(ApiKeys api, boolean request, ByteBuffer buf, short version) {
        return request ? api.parseRequest(buf, version) : api.parseResponse(buf, version);
    }

    static ApiMessage empty(ApiKeys api, boolean request) {
        return request ? api.newRequest() : api.newResponse();
    }
}
