package io.samsa.clients.internals;

import io.samsa.common.errors.UnsupportedVersionException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.ApiVersionsResponse;

import java.util.HashMap;
import java.util.Map;

/**
 * The version ranges one broker advertised in ApiVersions, and the choice of a request's version:
 * the highest both sides support within what the caller can build. Immutable.
 */
public final class NodeApiVersions {

    private record Range(short min, short max) {
    }

    private final Map<Short, Range> ranges;

    private NodeApiVersions(Map<Short, Range> ranges) {
        this.ranges = ranges;
    }

    public static NodeApiVersions from(ApiVersionsResponse response) {
        Map<Short, Range> ranges = new HashMap<>();
        for (ApiVersionsResponse.ApiVersion v : response.apiKeys()) {
            ranges.put(v.apiKey(), new Range(v.minVersion(), v.maxVersion()));
        }
        return new NodeApiVersions(ranges);
    }

    /** Whether the broker serves {@code api} at all. */
    public boolean supports(ApiKeys api) {
        return ranges.containsKey(api.id());
    }

    /** The broker's highest version of {@code api}, or -1 when it does not serve it. */
    public short maxVersion(ApiKeys api) {
        Range r = ranges.get(api.id());
        return r == null ? -1 : r.max;
    }

    /**
     * The highest version in {@code [min, max]} that the broker and this client both speak.
     *
     * @throws UnsupportedVersionException when there is none
     */
    public short choose(ApiKeys api, short min, short max) {
        Range r = ranges.get(api.id());
        if (r == null) {
            throw new UnsupportedVersionException("The broker does not support " + api.apiName());
        }
        short high = (short) Math.min(Math.min(max, api.latestVersion()), r.max);
        short low = (short) Math.max(Math.max(min, api.oldestVersion()), r.min);
        if (high < low) {
            throw new UnsupportedVersionException("The broker supports " + api.apiName() + " v" + r.min + "-" + r.max
                    + ", this client needs v" + min + "-" + Math.min(max, api.latestVersion()));
        }
        return high;
    }

    @Override
    public String toString() {
        return ranges.size() + " APIs";
    }
}
