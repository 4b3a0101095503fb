package io.samsa.zk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

/**
 * Dynamic config overrides under {@code /config/<type>/<name>} and the change notifications under
 * {@code /config/changes} that tell every broker to re-read them. Thread-safe.
 */
public final class ConfigStore {

    private final SamsaZkClient zk;

    ConfigStore(SamsaZkClient zk) {
        this.zk = zk;
    }

    /** The overrides of an entity; empty if it has none. */
    public Map<String, String> get(String entityType, String entityName) {
        return ConfigEntityZNode.decode(zk.getDataOrNull(ConfigEntityZNode.path(entityType, entityName), null, null));
    }

    public Map<String, String> topicConfig(String topic) {
        return get(ConfigEntityZNode.TOPICS, topic);
    }

    /** The names of the entities of a type that have overrides (e.g. every topic with config). */
    public List<String> entities(String entityType) {
        return zk.getChildren(ConfigEntityZNode.path(entityType), null);
    }

    /**
     * Replaces an entity's overrides and announces the change with a
     * {@code /config/changes/config_change_<seq>} notification, as Kafka's admin tools do.
     */
    public void set(String entityType, String entityName, Map<String, String> config) {
        String path = ConfigEntityZNode.path(entityType, entityName);
        byte[] data = ConfigEntityZNode.encode(config);
        try {
            try {
                zk.curator().setData().forPath(path, data);
            } catch (KeeperException.NoNodeException e) {
                try {
                    zk.curator().create().creatingParentsIfNeeded().forPath(path, data);
                } catch (KeeperException.NodeExistsException raced) {
                    zk.curator().setData().forPath(path, data);
                }
            }
            zk.curator().create().creatingParentsIfNeeded().withMode(CreateMode.PERSISTENT_SEQUENTIAL)
                    .forPath(ConfigChangeNotificationZNode.createPath(), ConfigChangeNotificationZNode.encode(entityType + "/" + entityName));
        } catch (Exception e) {
            throw SamsaZkClient.wrap("write config " + path, e);
        }
    }

    /**
     * The pending change notifications ({@code config_change_<seq>}) in sequence order; the watch
     * fires when one is added. Brokers remember the last sequence they applied.
     */
    public List<String> changeNotifications(ZkWatch watch) {
        List<String> names = new ArrayList<>(zk.getChildren(ConfigChangeNotificationZNode.PATH, watch));
        names.sort(null);
        return names;
    }

    /** The entity path ({@code topics/<name>}) a notification names, or empty if it was purged meanwhile. */
    public Optional<String> changedEntity(String notification) {
        byte[] data = zk.getDataOrNull(ConfigChangeNotificationZNode.PATH + "/" + notification, null, null);
        return data == null ? Optional.empty() : Optional.of(ConfigChangeNotificationZNode.decode(data));
    }

    /** When a notification was created (ZooKeeper's ctime), or -1 if it is gone. */
    public long changeNotificationCreatedMs(String notification) {
        org.apache.zookeeper.data.Stat stat = zk.exists(ConfigChangeNotificationZNode.PATH + "/" + notification, null);
        return stat == null ? -1L : stat.getCtime();
    }

    /** Purges an old notification (Kafka's brokers drop those older than 15 minutes). */
    public void deleteChangeNotification(String notification) {
        try {
            zk.curator().delete().forPath(ConfigChangeNotificationZNode.PATH + "/" + notification);
        } catch (KeeperException.NoNodeException e) {
            // Another broker purged it first.
        } catch (Exception e) {
            throw SamsaZkClient.wrap("delete config change " + notification, e);
        }
    }
}
