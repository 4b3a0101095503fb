package io.samsa.core.server.admin;

import io.samsa.common.Time;
import io.samsa.core.log.LogManager;
import io.samsa.zk.ConfigChangeNotificationZNode;
import io.samsa.zk.ConfigEntityZNode;
import io.samsa.zk.SamsaZkClient;
import io.samsa.zk.ZkConnectionListener;
import io.samsa.zk.ZkWatch;
import io.samsa.zk.ZkWatchScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Applies configuration changes made anywhere in the cluster to this broker while it runs, as
 * Kafka's ZooKeeper-mode config manager does: it watches {@code /config/changes}, and for each
 * {@code config_change_<seq>} notification newer than the last one it applied, re-reads the named
 * entity's overrides; a topic's go to its logs through {@link LogManager#updateTopicConfig}.
 * Notifications older than 15 minutes are purged. On a new ZooKeeper session every notification
 * is looked at again (watches die with sessions; re-applying a config is harmless).
 *
 * <p>Thread-safe: ZooKeeper callbacks only enqueue; one thread does all the work.
 */
public final class DynamicConfigManager implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DynamicConfigManager.class);

    /** Kafka's {@code changeExpirationMs}: how long notifications stay for brokers to see them. */
    static final long NOTIFICATION_EXPIRATION_MS = 15 * 60 * 1000L;

    private final SamsaZkClient zk;
    private final TopicConfigs topicConfigs;
    private final LogManager logManager;
    private final Time time;
    private final ExecutorService executor;
    private final ZkWatchScope watchScope;
    private final ZkWatch watch;
    private final ZkConnectionListener connectionListener = this::onConnectionState;
    // Only touched by the executor thread.
    private long lastApplied = -1L;
    private volatile boolean closed;

    public DynamicConfigManager(SamsaZkClient zk, TopicConfigs topicConfigs, LogManager logManager, Time time) {
        this.zk = zk;
        this.topicConfigs = topicConfigs;
        this.logManager = logManager;
        this.time = time;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "samsa-config-change-listener");
            t.setDaemon(true);
            return t;
        });
        this.watchScope = zk.openWatchScope();
        this.watch = watchScope.watch(this::schedule);
    }

    /** Starts watching; the notifications already there are applied at once. */
    public void startup() {
        zk.addConnectionListener(connectionListener);
        schedule();
    }

    private void onConnectionState(ZkConnectionListener.State state) {
        if (state == ZkConnectionListener.State.RECONNECTED || state == ZkConnectionListener.State.CONNECTED) {
            schedule();
        }
    }

    private void schedule() {
        if (closed) {
            return;
        }
        try {
            executor.execute(this::processNotifications);
        } catch (RejectedExecutionException e) {
            // Closing.
        }
    }

    private void processNotifications() {
        if (closed) {
            return;
        }
        try {
            List<String> names = zk.configs().changeNotifications(watch);
            long now = time.milliseconds();
            for (String name : names) {
                long sequence = sequenceOf(name);
                if (sequence <= lastApplied) {
                    continue;
                }
                Optional<String> entity = zk.configs().changedEntity(name);
                entity.ifPresent(this::apply);
                lastApplied = sequence;
            }
            purgeExpired(names, now);
        } catch (RuntimeException e) {
            // The watch may not be set again; a reconnect or the next change retries.
            log.error("Could not process config change notifications", e);
        }
    }

    private void apply(String entityPath) {
        int slash = entityPath.indexOf('/');
        if (slash <= 0) {
            log.warn("Ignoring a config change for malformed entity path {}", entityPath);
            return;
        }
        String type = entityPath.substring(0, slash);
        String name = entityPath.substring(slash + 1);
        if (!type.equals(ConfigEntityZNode.TOPICS)) {
            log.debug("Ignoring a config change of {} {}: only topic configs are dynamic here", type, name);
            return;
        }
        try {
            logManager.updateTopicConfig(name, topicConfigs.logConfig(name));
            log.info("Applied the new configuration of topic {}: {}", name, topicConfigs.overrides(name));
        } catch (RuntimeException e) {
            log.error("Could not apply the new configuration of topic {}", name, e);
        }
    }

    private void purgeExpired(List<String> names, long now) {
        for (String name : names) {
            if (sequenceOf(name) > lastApplied) {
                continue;
            }
            long created = zk.configs().changeNotificationCreatedMs(name);
            if (created >= 0 && now - created > NOTIFICATION_EXPIRATION_MS) {
                zk.configs().deleteChangeNotification(name);
            }
        }
    }

    static long sequenceOf(String notification) {
        String prefix = ConfigChangeNotificationZNode.SEQUENCE_PREFIX;
        if (!notification.startsWith(prefix)) {
            return -1L;
        }
        try {
            return Long.parseLong(notification.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    @Override
    public void close() {
        closed = true;
        zk.removeConnectionListener(connectionListener);
        watchScope.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
