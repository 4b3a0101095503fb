package io.samsa.zk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topics in ZooKeeper: assignments under {@code /brokers/topics}, deletion requests under
 * {@code /admin/delete_topics}, and the controller's fenced removal of a deleted topic's znodes.
 * Thread-safe.
 */
public final class TopicStore {

    private static final Logger log = LoggerFactory.getLogger(TopicStore.class);
    private static final byte[] EMPTY = new byte[0];

    private final SamsaZkClient zk;

    TopicStore(SamsaZkClient zk) {
        this.zk = zk;
    }

    /** All topic names, sorted; the watch fires when a topic znode is created or deleted. */
    public SortedSet<String> names(ZkWatch watch) {
        return new TreeSet<>(zk.getChildren(TopicZNode.PATH, watch));
    }

    public boolean exists(String topic) {
        return zk.exists(TopicZNode.path(topic), null) != null;
    }

    /** The topic's assignment and znode version; the watch fires when the znode changes or goes. */
    public Optional<Versioned<TopicAssignment>> get(String topic, ZkWatch watch) {
        Stat stat = new Stat();
        byte[] data = zk.getDataOrNull(TopicZNode.path(topic), stat, watch);
        return data == null ? Optional.empty() : Optional.of(new Versioned<>(TopicZNode.decode(topic, data), stat.getVersion()));
    }

    /**
     * The assignments of many topics, read in one pipelined batch; topics that do not exist are
     * absent from the result.
     *
     * @param watchFor the watch to set on each topic's znode, or null for none
     */
    public Map<String, Versioned<TopicAssignment>> getAll(Collection<String> topics, Function<String, ZkWatch> watchFor) {
        List<String> names = new ArrayList<>(topics);
        List<String> paths = new ArrayList<>(names.size());
        List<ZkWatch> watches = watchFor == null ? null : new ArrayList<>(names.size());
        for (String topic : names) {
            paths.add(TopicZNode.path(topic));
            if (watches != null) {
                watches.add(watchFor.apply(topic));
            }
        }
        Map<String, Versioned<TopicAssignment>> result = new LinkedHashMap<>();
        List<SamsaZkClient.NodeData> data = zk.getDataBatch(paths, watches);
        for (int i = 0; i < names.size(); i++) {
            SamsaZkClient.NodeData node = data.get(i);
            if (node.data() != null) {
                result.put(names.get(i), new Versioned<>(TopicZNode.decode(names.get(i), node.data()), node.stat().getVersion()));
            }
        }
        return result;
    }

    /**
     * Creates a topic: in one transaction, its config overrides ({@code /config/topics/<t>}) and its
     * assignment ({@code /brokers/topics/<t>}). The controller picks it up by watch.
     *
     * @throws TopicExistsException if the topic exists or is still marked for deletion
     */
    public void create(TopicAssignment assignment, Map<String, String> config) {
        String topic = assignment.topic();
        if (isMarkedForDeletion(topic)) {
            throw new TopicExistsException("Topic '" + topic + "' is marked for deletion");
        }
        if (exists(topic)) {
            throw new TopicExistsException("Topic '" + topic + "' already exists");
        }
        String configPath = TopicConfigZNode.path(topic);
        for (int attempt = 1; ; attempt++) {
            // A config znode may outlive its topic (Kafka's tools can write one first): replace it.
            CuratorOp configOp = zk.exists(configPath, null) != null
                    ? zk.tx().setDataOp(configPath, ConfigEntityZNode.encode(config), -1)
                    : zk.tx().createOp(configPath, ConfigEntityZNode.encode(config), CreateMode.PERSISTENT);
            ZkTransactions.MultiOutcome outcome = zk.tx().multi(List.of(configOp,
                    zk.tx().createOp(TopicZNode.path(topic), TopicZNode.encode(assignment), CreateMode.PERSISTENT)));
            if (outcome.ok()) {
                break;
            }
            if (outcome.failedIndex() == 1 && outcome.code() == KeeperException.Code.NODEEXISTS) {
                throw new TopicExistsException("Topic '" + topic + "' already exists");
            }
            if (outcome.failedIndex() != 0 || attempt >= 3) {
                throw new ZkException("Could not create topic " + topic + ": " + outcome.code());
            }
            // The config znode appeared or vanished meanwhile: look again.
        }
        log.info("Created topic {} with id {} and assignment {}", topic, assignment.topicId(), assignment.partitions());
    }

    /**
     * Replaces a topic's assignment if its znode still has {@code expectedVersion} (CreatePartitions).
     *
     * @return false if someone else changed the znode first
     * @throws ZkException if the topic does not exist
     */
    public boolean setAssignment(TopicAssignment assignment, int expectedVersion) {
        try {
            zk.curator().setData().withVersion(expectedVersion).forPath(TopicZNode.path(assignment.topic()), TopicZNode.encode(assignment));
            return true;
        } catch (KeeperException.BadVersionException e) {
            return false;
        } catch (Exception e) {
            throw SamsaZkClient.wrap("update the assignment of " + assignment.topic(), e);
        }
    }

    /** As {@link #setAssignment}, fenced by the controller epoch (the controller filling in topic ids). */
    public boolean setAssignmentFenced(TopicAssignment assignment, int expectedVersion, int epochZkVersion) {
        ZkTransactions.MultiOutcome outcome = zk.tx().fencedMulti(epochZkVersion,
                List.of(zk.tx().setDataOp(TopicZNode.path(assignment.topic()), TopicZNode.encode(assignment), expectedVersion)));
        return outcome.ok();
    }

    /**
     * Asks the controller to delete the topic by creating {@code /admin/delete_topics/<t>}.
     *
     * @return true if this call marked it, false if it was already marked
     */
    public boolean markForDeletion(String topic) {
        return zk.createIfAbsent(DeleteTopicsZNode.path(topic), EMPTY);
    }

    public boolean isMarkedForDeletion(String topic) {
        return zk.exists(DeleteTopicsZNode.path(topic), null) != null;
    }

    /** Topics marked for deletion; the watch fires when one is marked or unmarked. */
    public SortedSet<String> markedForDeletion(ZkWatch watch) {
        return new TreeSet<>(zk.getChildren(DeleteTopicsZNode.PATH, watch));
    }

    /** Removes deletion markers (for topics that do not exist), fenced. */
    public void unmarkForDeletionFenced(Collection<String> topics, int epochZkVersion) {
        for (String topic : topics) {
            ZkTransactions.MultiOutcome outcome = zk.tx().fencedMulti(epochZkVersion, List.of(zk.tx().deleteOp(DeleteTopicsZNode.path(topic), -1)));
            if (!outcome.ok() && outcome.code() != KeeperException.Code.NONODE) {
                throw new ZkException("Could not remove the deletion marker of " + topic + ": " + outcome.code());
            }
        }
    }

    /**
     * The last step of a topic deletion, fenced: removes {@code /brokers/topics/<t>} with its
     * partition subtree, {@code /config/topics/<t>} and {@code /admin/delete_topics/<t>} in one
     * transaction.
     */
    public void deleteFenced(String topic, int epochZkVersion) {
        for (int attempt = 1; ; attempt++) {
            List<CuratorOp> ops = new ArrayList<>();
            addSubtreeDeletes(TopicZNode.path(topic), ops);
            if (zk.exists(TopicConfigZNode.path(topic), null) != null) {
                ops.add(zk.tx().deleteOp(TopicConfigZNode.path(topic), -1));
            }
            if (zk.exists(DeleteTopicsZNode.path(topic), null) != null) {
                ops.add(zk.tx().deleteOp(DeleteTopicsZNode.path(topic), -1));
            }
            if (ops.isEmpty()) {
                return;
            }
            ZkTransactions.MultiOutcome outcome = zk.tx().fencedMulti(epochZkVersion, ops);
            if (outcome.ok()) {
                log.info("Deleted the znodes of topic {}", topic);
                return;
            }
            // A znode appeared or vanished between the listing and the transaction: list again.
            if (attempt >= 5) {
                throw new ZkException("Could not delete the znodes of topic " + topic + ": " + outcome.code());
            }
        }
    }

    private void addSubtreeDeletes(String path, List<CuratorOp> ops) {
        if (zk.exists(path, null) == null) {
            return;
        }
        for (String child : zk.getChildren(path, null)) {
            addSubtreeDeletes(path + "/" + child, ops);
        }
        ops.add(zk.tx().deleteOp(path, -1));
    }
}
