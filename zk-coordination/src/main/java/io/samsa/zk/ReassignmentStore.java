package io.samsa.zk;

import io.samsa.common.TopicPartition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The legacy reassignment request znode, {@code /admin/reassign_partitions}: tools of Kafka before
 * 2.4 create it with the target replicas of each partition, and the controller removes partitions
 * as their moves complete, deleting the znode with the last one. Thread-safe.
 */
public final class ReassignmentStore {

    private static final Logger log = LoggerFactory.getLogger(ReassignmentStore.class);

    private final SamsaZkClient zk;

    ReassignmentStore(SamsaZkClient zk) {
        this.zk = zk;
    }

    /**
     * The requested target replicas by partition, or empty when there is no request. Unreadable
     * content counts as an empty request, as in Kafka (it is logged, and left for an operator).
     *
     * @param watch fires when the znode is created, changed or deleted; null for none
     */
    public Optional<Map<TopicPartition, List<Integer>>> get(ZkWatch watch) {
        while (true) {
            byte[] data = zk.getDataOrNull(ReassignPartitionsZNode.PATH, null, watch);
            if (data == null) {
                // Watch for its creation; if it appeared meanwhile, read it again.
                if (zk.exists(ReassignPartitionsZNode.PATH, watch) == null) {
                    return Optional.empty();
                }
                continue;
            }
            try {
                return Optional.of(ReassignPartitionsZNode.decode(data));
            } catch (ZkException e) {
                log.warn("Ignoring the partition reassignment in {}: {}", ReassignPartitionsZNode.PATH, e.getMessage());
                return Optional.of(Map.of());
            }
        }
    }

    /**
     * Submits a reassignment as Kafka's pre-2.4 tools do: creates the znode.
     *
     * @return false if a reassignment request is already there (nothing is written)
     */
    public boolean create(Map<TopicPartition, List<Integer>> reassignment) {
        return zk.createIfAbsent(ReassignPartitionsZNode.PATH, ReassignPartitionsZNode.encode(reassignment));
    }

    /** Replaces the request (the controller dropping completed or refused partitions), fenced. */
    public void setFenced(Map<TopicPartition, List<Integer>> reassignment, int epochZkVersion) {
        byte[] data = ReassignPartitionsZNode.encode(reassignment);
        ZkTransactions.MultiOutcome outcome = zk.tx().fencedMulti(epochZkVersion,
                List.of(zk.tx().setDataOp(ReassignPartitionsZNode.PATH, data, -1)));
        if (outcome.code() == KeeperException.Code.NONODE) {
            outcome = zk.tx().fencedMulti(epochZkVersion,
                    List.of(zk.tx().createOp(ReassignPartitionsZNode.PATH, data, CreateMode.PERSISTENT)));
        }
        if (!outcome.ok()) {
            throw new ZkException("Could not write " + ReassignPartitionsZNode.PATH + ": " + outcome.code());
        }
    }

    /** Removes the request once nothing in it is left to do, fenced; a missing znode is not an error. */
    public void deleteFenced(int epochZkVersion) {
        ZkTransactions.MultiOutcome outcome = zk.tx().fencedMulti(epochZkVersion,
                List.of(zk.tx().deleteOp(ReassignPartitionsZNode.PATH, -1)));
        if (!outcome.ok() && outcome.code() != KeeperException.Code.NONODE) {
            throw new ZkException("Could not delete " + ReassignPartitionsZNode.PATH + ": " + outcome.code());
        }
    }
}
