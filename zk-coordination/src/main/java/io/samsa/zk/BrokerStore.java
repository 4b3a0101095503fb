package io.samsa.zk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Reads of the broker registrations under {@code /brokers/ids} (registering is
 * {@link BrokerRegistration}'s job), and the removal of one whose process is gone. Thread-safe.
 */
public final class BrokerStore {

    private final SamsaZkClient zk;

    BrokerStore(SamsaZkClient zk) {
        this.zk = zk;
    }

    /** The registered broker ids in ascending order; the watch fires when the set changes. */
    public List<Integer> ids(ZkWatch watch) {
        List<Integer> ids = new ArrayList<>();
        for (String child : zk.getChildren(BrokerIdsZNode.PATH, watch)) {
            try {
                ids.add(Integer.parseInt(child));
            } catch (NumberFormatException e) {
                // Not a broker registration; Kafka ignores such children too.
            }
        }
        ids.sort(null);
        return ids;
    }

    /** Every registered broker, by id, each with its epoch (registration czxid). */
    public SortedMap<Integer, BrokerInfo> getAll() {
        return getAll(null);
    }

    /** As {@link #getAll()}, watching the set of broker ids. */
    public SortedMap<Integer, BrokerInfo> getAll(ZkWatch idsWatch) {
        List<Integer> ids = ids(idsWatch);
        List<String> paths = new ArrayList<>(ids.size());
        for (int id : ids) {
            paths.add(BrokerIdsZNode.path(id));
        }
        SortedMap<Integer, BrokerInfo> brokers = new TreeMap<>();
        List<SamsaZkClient.NodeData> data = zk.getDataBatch(paths, null);
        for (int i = 0; i < ids.size(); i++) {
            SamsaZkClient.NodeData node = data.get(i);
            if (node.data() != null) {
                // A broker that vanished between the list and the read is simply not live.
                brokers.put(ids.get(i), BrokerIdsZNode.decode(ids.get(i), node.data(), node.stat().getCzxid()));
            }
        }
        return brokers;
    }

    public Optional<BrokerInfo> get(int brokerId) {
        Stat stat = new Stat();
        byte[] data = zk.getDataOrNull(BrokerIdsZNode.path(brokerId), stat, null);
        return data == null ? Optional.empty() : Optional.of(BrokerIdsZNode.decode(brokerId, data, stat.getCzxid()));
    }

    /**
     * Deletes broker {@code brokerId}'s registration if it is still the one of {@code brokerEpoch}
     * (its czxid): the controller found that broker's process gone, and the cluster need not wait
     * for its session to expire. A broker that is in fact alive sees its znode go and registers
     * again, with a new epoch.
     *
     * @return true if this call deleted it
     */
    public boolean deleteIfEpoch(int brokerId, long brokerEpoch) {
        String path = BrokerIdsZNode.path(brokerId);
        Stat stat = zk.exists(path, null);
        if (stat == null || stat.getCzxid() != brokerEpoch) {
            return false;
        }
        try {
            zk.curator().delete().withVersion(stat.getVersion()).forPath(path);
            return true;
        } catch (KeeperException.NoNodeException | KeeperException.BadVersionException e) {
            return false;
        } catch (Exception e) {
            throw SamsaZkClient.wrap("delete " + path, e);
        }
    }
}
