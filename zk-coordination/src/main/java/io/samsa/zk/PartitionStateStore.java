package io.samsa.zk;

import io.samsa.common.TopicPartition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Partition state znodes ({@code /brokers/topics/<t>/partitions/<p>/state}) and ISR change
 * notifications. The controller creates and rewrites states with fenced writes; a partition
 * leader rewrites its ISR with a version-checked write and then announces it. Thread-safe.
 */
public final class PartitionStateStore {

    private static final byte[] EMPTY = new byte[0];

    private final SamsaZkClient zk;

    PartitionStateStore(SamsaZkClient zk) {
        this.zk = zk;
    }

    /** How a conditional write ended. */
    public enum Outcome {
        OK,
        /** Creating a state that already exists. */
        NODE_EXISTS,
        /** Updating a state (or topic) that does not exist. */
        NO_NODE,
        /** The znode's version was not the expected one: someone else wrote it first. */
        BAD_VERSION
    }

    /** A write's outcome and, on success, the znode's new data version. */
    public record WriteResult(Outcome outcome, int zkVersion) {
        public boolean ok() {
            return outcome == Outcome.OK;
        }
    }

    public Optional<PartitionState> get(TopicPartition tp) {
        Stat stat = new Stat();
        byte[] data = zk.getDataOrNull(TopicPartitionStateZNode.path(tp), stat, null);
        return data == null ? Optional.empty() : Optional.of(TopicPartitionStateZNode.decode(tp, data, stat.getVersion()));
    }

    /** The states of many partitions, read in one pipelined batch; partitions without state are absent. */
    public Map<TopicPartition, PartitionState> getAll(Collection<TopicPartition> partitions) {
        List<TopicPartition> list = new ArrayList<>(partitions);
        List<String> paths = new ArrayList<>(list.size());
        for (TopicPartition tp : list) {
            paths.add(TopicPartitionStateZNode.path(tp));
        }
        Map<TopicPartition, PartitionState> result = new LinkedHashMap<>();
        List<SamsaZkClient.NodeData> data = zk.getDataBatch(paths, null);
        for (int i = 0; i < list.size(); i++) {
            SamsaZkClient.NodeData node = data.get(i);
            if (node.data() != null) {
                result.put(list.get(i), TopicPartitionStateZNode.decode(list.get(i), node.data(), node.stat().getVersion()));
            }
        }
        return result;
    }

    /**
     * Creates the state znodes of new partitions (and their parent znodes), fenced by the
     * controller epoch. A created state has zkVersion 0.
     *
     * @throws ControllerMovedException if the caller is no longer controller
     */
    public Map<TopicPartition, WriteResult> createFenced(Map<TopicPartition, PartitionState> states, int epochZkVersion) {
        // Parents are created inside fenced transactions too, and never with "create parents": a
        // deposed controller must not resurrect an empty /brokers/topics/<t> after a deletion.
        Set<String> missingTopics = new LinkedHashSet<>();
        for (String topic : topicsOf(states.keySet())) {
            if (zk.exists(TopicPartitionStateZNode.partitionsPath(topic), null) == null) {
                ZkTransactions.MultiOutcome outcome = zk.tx().fencedMulti(epochZkVersion, List.of(
                        zk.tx().createOp(TopicPartitionStateZNode.partitionsPath(topic), EMPTY, CreateMode.PERSISTENT)));
                if (outcome.code() == KeeperException.Code.NONODE) {
                    missingTopics.add(topic);
                } else if (!outcome.ok() && outcome.code() != KeeperException.Code.NODEEXISTS) {
                    throw new ZkException("Could not create " + TopicPartitionStateZNode.partitionsPath(topic) + ": " + outcome.code());
                }
            }
        }
        Map<TopicPartition, WriteResult> results = new LinkedHashMap<>();
        List<TopicPartition> list = new ArrayList<>();
        List<List<CuratorOp>> transactions = new ArrayList<>();
        for (Map.Entry<TopicPartition, PartitionState> e : states.entrySet()) {
            TopicPartition tp = e.getKey();
            if (missingTopics.contains(tp.topic())) {
                results.put(tp, new WriteResult(Outcome.NO_NODE, -1));
                continue;
            }
            List<CuratorOp> ops = new ArrayList<>(2);
            if (zk.exists(TopicPartitionStateZNode.partitionPath(tp), null) == null) {
                ops.add(zk.tx().createOp(TopicPartitionStateZNode.partitionPath(tp), EMPTY, CreateMode.PERSISTENT));
            }
            ops.add(zk.tx().createOp(TopicPartitionStateZNode.path(tp), TopicPartitionStateZNode.encode(e.getValue()), CreateMode.PERSISTENT));
            list.add(tp);
            transactions.add(ops);
        }
        results.putAll(collect(list, zk.tx().fencedMultiBatch(epochZkVersion, transactions), 0));
        return results;
    }

    private static Set<String> topicsOf(Collection<TopicPartition> partitions) {
        Set<String> topics = new LinkedHashSet<>();
        for (TopicPartition tp : partitions) {
            topics.add(tp.topic());
        }
        return topics;
    }

    /**
     * Rewrites partition states, fenced by the controller epoch; each write expects the state's
     * {@link PartitionState#zkVersion()} and gives the new version on success.
     *
     * @throws ControllerMovedException if the caller is no longer controller
     */
    public Map<TopicPartition, WriteResult> updateFenced(Map<TopicPartition, PartitionState> states, int epochZkVersion) {
        List<TopicPartition> list = new ArrayList<>(states.keySet());
        List<List<CuratorOp>> transactions = new ArrayList<>(list.size());
        for (TopicPartition tp : list) {
            PartitionState state = states.get(tp);
            transactions.add(List.of(zk.tx().setDataOp(TopicPartitionStateZNode.path(tp), TopicPartitionStateZNode.encode(state),
                    state.zkVersion())));
        }
        return collect(list, zk.tx().fencedMultiBatch(epochZkVersion, transactions), -1);
    }

    /**
     * A partition leader's ISR update: rewrites the state if its znode still has
     * {@code expectedZkVersion}. A retried write that had in fact succeeded is reported as success.
     */
    public WriteResult conditionalUpdate(TopicPartition tp, PartitionState newState, int expectedZkVersion) {
        try {
            Stat stat = zk.curator().setData().withVersion(expectedZkVersion)
                    .forPath(TopicPartitionStateZNode.path(tp), TopicPartitionStateZNode.encode(newState));
            return new WriteResult(Outcome.OK, stat.getVersion());
        } catch (KeeperException.BadVersionException e) {
            Optional<PartitionState> current = get(tp);
            if (current.isPresent() && current.get().sameContentAs(newState) && current.get().zkVersion() == expectedZkVersion + 1) {
                return new WriteResult(Outcome.OK, current.get().zkVersion());
            }
            return new WriteResult(Outcome.BAD_VERSION, current.map(PartitionState::zkVersion).orElse(-1));
        } catch (KeeperException.NoNodeException e) {
            return new WriteResult(Outcome.NO_NODE, -1);
        } catch (Exception e) {
            throw SamsaZkClient.wrap("update the state of " + tp, e);
        }
    }

    /** Announces ISR changes to the controller with an {@code isr_change_<seq>} notification. */
    public void notifyIsrChange(Set<TopicPartition> partitions) {
        try {
            zk.curator().create().creatingParentsIfNeeded().withMode(CreateMode.PERSISTENT_SEQUENTIAL)
                    .forPath(IsrChangeNotificationZNode.createPath(), IsrChangeNotificationZNode.encode(partitions));
        } catch (Exception e) {
            throw SamsaZkClient.wrap("create an ISR change notification", e);
        }
    }

    /** The pending ISR change notifications' names, in sequence order. */
    public List<String> isrChangeNotifications(ZkWatch watch) {
        List<String> children = new ArrayList<>(zk.getChildren(IsrChangeNotificationZNode.PATH, watch));
        children.sort(null);
        return children;
    }

    /** The partitions named by the given notifications (vanished ones are skipped). */
    public Set<TopicPartition> readIsrChangeNotifications(List<String> names) {
        Set<TopicPartition> partitions = new LinkedHashSet<>();
        for (String name : names) {
            byte[] data = zk.getDataOrNull(IsrChangeNotificationZNode.path(name), null, null);
            if (data != null) {
                partitions.addAll(IsrChangeNotificationZNode.decode(data));
            }
        }
        return partitions;
    }

    /** Removes processed ISR change notifications, fenced. */
    public void deleteIsrChangeNotificationsFenced(List<String> names, int epochZkVersion) {
        List<List<CuratorOp>> transactions = new ArrayList<>(names.size());
        for (String name : names) {
            transactions.add(List.of(zk.tx().deleteOp(IsrChangeNotificationZNode.path(name), -1)));
        }
        zk.tx().fencedMultiBatch(epochZkVersion, transactions);
    }

    private static Map<TopicPartition, WriteResult> collect(List<TopicPartition> list, List<ZkTransactions.MultiOutcome> outcomes,
                                                           int createdVersion) {
        Map<TopicPartition, WriteResult> results = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            ZkTransactions.MultiOutcome o = outcomes.get(i);
            WriteResult r;
            if (o.ok()) {
                Stat stat = o.results().get(o.results().size() - 1).getResultStat();
                r = new WriteResult(Outcome.OK, stat != null ? stat.getVersion() : createdVersion);
            } else if (o.code() == KeeperException.Code.NODEEXISTS) {
                r = new WriteResult(Outcome.NODE_EXISTS, -1);
            } else if (o.code() == KeeperException.Code.NONODE) {
                r = new WriteResult(Outcome.NO_NODE, -1);
            } else if (o.code() == KeeperException.Code.BADVERSION) {
                r = new WriteResult(Outcome.BAD_VERSION, -1);
            } else {
                throw new ZkException("Writing the state of " + list.get(i) + " failed: " + o.code());
            }
            results.put(list.get(i), r);
        }
        return results;
    }
}
