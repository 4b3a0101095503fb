package io.samsa.zk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;

/**
 * Log-dir failure notifications: brokers announce that one of their log dirs failed; the
 * controller reads who, acts, and deletes the notifications (fenced). Thread-safe.
 */
public final class LogDirEventStore {

    private final SamsaZkClient zk;

    LogDirEventStore(SamsaZkClient zk) {
        this.zk = zk;
    }

    /** Announces that a log dir of broker {@code brokerId} failed. */
    public void notifyFailure(int brokerId) {
        try {
            zk.curator().create().creatingParentsIfNeeded().withMode(CreateMode.PERSISTENT_SEQUENTIAL)
                    .forPath(LogDirEventNotificationZNode.createPath(), LogDirEventNotificationZNode.encode(brokerId));
        } catch (Exception e) {
            throw SamsaZkClient.wrap("create a log dir event notification", e);
        }
    }

    /** The pending notifications' names, in sequence order. */
    public List<String> notifications(ZkWatch watch) {
        List<String> children = new ArrayList<>(zk.getChildren(LogDirEventNotificationZNode.PATH, watch));
        children.sort(null);
        return children;
    }

    /** The brokers named by the given notifications (vanished ones are skipped). */
    public Set<Integer> brokers(List<String> names) {
        Set<Integer> brokers = new LinkedHashSet<>();
        for (String name : names) {
            byte[] data = zk.getDataOrNull(LogDirEventNotificationZNode.path(name), null, null);
            if (data != null) {
                brokers.add(LogDirEventNotificationZNode.decode(data));
            }
        }
        return brokers;
    }

    /** Removes processed notifications, fenced by the controller epoch. */
    public void deleteFenced(List<String> names, int epochZkVersion) {
        List<List<CuratorOp>> transactions = new ArrayList<>(names.size());
        for (String name : names) {
            transactions.add(List.of(zk.tx().deleteOp(LogDirEventNotificationZNode.path(name), -1)));
        }
        zk.tx().fencedMultiBatch(epochZkVersion, transactions);
    }
}
