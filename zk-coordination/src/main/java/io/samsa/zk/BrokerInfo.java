package io.samsa.zk;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A broker as registered under {@code /brokers/ids/<id>}: its advertised endpoints, rack, JMX port,
 * registration timestamp and supported features. Immutable.
 *
 * @param rack null when the broker has no {@code broker.rack}
 * @param timestamp registration time in ms as written in the znode, -1 if absent
 * @param epoch the broker epoch: the czxid of the registration znode, which changes every time the
 *     broker registers (Kafka's {@code broker_epoch}); -1 for a registration not read from ZooKeeper
 */
public record BrokerInfo(int id, List<EndPoint> endpoints, String rack, int jmxPort, long timestamp,
                         Map<String, FeatureRange> features, long epoch) {

    /** A supported feature's version range, as the {@code features} field lists it. */
    public record FeatureRange(int minVersion, int maxVersion) {
    }

    public BrokerInfo {
        endpoints = List.copyOf(endpoints);
        features = Map.copyOf(features);
    }

    /** A registration about to be written: no features, no JMX port, epoch unknown. */
    public static BrokerInfo forRegistration(int id, List<EndPoint> endpoints, String rack, long timestampMs) {
        return new BrokerInfo(id, endpoints, rack, -1, timestampMs, Map.of(), -1L);
    }

    /** This registration with the epoch (czxid) it got in ZooKeeper. */
    public BrokerInfo withEpoch(long czxid) {
        return new BrokerInfo(id, endpoints, rack, jmxPort, timestamp, features, czxid);
    }

    /** The endpoint of the named listener, if the broker advertises one. */
    public Optional<EndPoint> endpoint(String listenerName) {
        for (EndPoint e : endpoints) {
            if (e.listenerName().equals(listenerName)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Same broker, same endpoints and rack: what matters to tell "my own old registration". */
    public boolean sameAddressAs(BrokerInfo other) {
        return other != null && id == other.id && endpoints.equals(other.endpoints) && Objects.equals(rack, other.rack);
    }
}
