package io.samsa.clients.internals;

import io.samsa.common.errors.UnsupportedVersionException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.ApiVersionsResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NodeApiVersionsTest {

    private static NodeApiVersions broker(ApiKeys api, int min, int max) {
        return NodeApiVersions.from(new ApiVersionsResponse().setApiKeys(List.of(new ApiVersionsResponse.ApiVersion()
                .setApiKey(api.id()).setMinVersion((short) min).setMaxVersion((short) max))));
    }

    @Test
    void choosesTheHighestVersionBothSpeak() {
        assertEquals(5, broker(ApiKeys.PRODUCE, 0, 5).choose(ApiKeys.PRODUCE, (short) 3, ApiKeys.PRODUCE.latestVersion()));
        assertEquals(ApiKeys.PRODUCE.latestVersion(),
                broker(ApiKeys.PRODUCE, 0, 99).choose(ApiKeys.PRODUCE, (short) 3, ApiKeys.PRODUCE.latestVersion()));
        assertEquals(4, broker(ApiKeys.PRODUCE, 0, 9).choose(ApiKeys.PRODUCE, (short) 3, (short) 4));
    }

    @Test
    void noCommonVersionOrNoApiIsAnUnsupportedVersion() {
        assertThrows(UnsupportedVersionException.class, () -> broker(ApiKeys.PRODUCE, 0, 2).choose(ApiKeys.PRODUCE, (short) 3, (short) 9));
        NodeApiVersions v = broker(ApiKeys.PRODUCE, 0, 9);
        assertFalse(v.supports(ApiKeys.FETCH));
        assertThrows(UnsupportedVersionException.class, () -> v.choose(ApiKeys.FETCH, (short) 0, (short) 9));
    }
}
