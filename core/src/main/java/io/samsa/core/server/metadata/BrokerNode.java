package io.samsa.core.server.metadata;

import io.samsa.zk.EndPoint;

import java.util.List;
import java.util.Optional;

/** A live broker as the controller last described it. Immutable. */
public record BrokerNode(int id, List<EndPoint> endPoints, String rack) {

    public Optional<EndPoint> endPoint(String listenerName) {
        for (EndPoint e : endPoints) {
            if (e.listenerName().equalsIgnoreCase(listenerName)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
