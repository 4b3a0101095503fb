package io.samsa.zk;

import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.drivers.TracerDriver;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.BackgroundPathable;
import org.apache.curator.framework.api.GetDataBuilder;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.RetryUntilElapsed;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.common.PathUtils;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samsa's one connection to ZooKeeper, over Curator, and the typed operations on Kafka's znodes,
 * grouped by area: {@link #brokers()}, {@link #topics()}, {@link #partitionStates()},
 * {@link #controllerStore()}, {@link #configs()}, {@link #reassignments()}, plus the cluster id and
 * producer-id blocks.
 * Thread-safe; one instance per broker process.
 *
 * <p>Every controller write is fenced: a multi-op transaction whose first operation checks the
 * version of {@code /controller_epoch} the controller was elected with, so a deposed controller's
 * writes fail with {@link ControllerMovedException} instead of overwriting its successor's.
 *
 * <p>Operations retry through connection loss until the session timeout has elapsed, then fail
 * with {@link ZkException}.
 */
public final class SamsaZkClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SamsaZkClient.class);

    /** The persistent znodes a Kafka broker creates at startup (tools expect them to exist). */
    static final List<String> PERSISTENT_PATHS = List.of(
            "/consumers", BrokerIdsZNode.PATH, TopicZNode.PATH, ConfigChangeNotificationZNode.PATH,
            DeleteTopicsZNode.PATH, "/brokers/seqid", IsrChangeNotificationZNode.PATH, ProducerIdBlockZNode.PATH,
            LogDirEventNotificationZNode.PATH,
            ConfigEntityZNode.path(ConfigEntityZNode.TOPICS), ConfigEntityZNode.path(ConfigEntityZNode.CLIENTS),
            ConfigEntityZNode.path(ConfigEntityZNode.USERS), ConfigEntityZNode.path(ConfigEntityZNode.BROKERS),
            ConfigEntityZNode.path(ConfigEntityZNode.IPS));

    private static final byte[] EMPTY = new byte[0];

    private final CuratorFramework curator;
    private final ZkClientSettings settings;
    private final Time time;
    private final List<ZkConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final BrokerStore brokers = new BrokerStore(this);
    private final TopicStore topics = new TopicStore(this);
    private final PartitionStateStore partitionStates = new PartitionStateStore(this);
    private final LogDirEventStore logDirEvents = new LogDirEventStore(this);
    /** Every session id this client has had (see {@link #isOwnSession}). */
    private final Set<Long> sessionsSeen = ConcurrentHashMap.newKeySet();
    private final ControllerStore controllerStore = new ControllerStore(this);
    private final ConfigStore configs = new ConfigStore(this);
    private final ReassignmentStore reassignments = new ReassignmentStore(this);
    private final ZkTransactions transactions;

    private SamsaZkClient(CuratorFramework curator, ZkClientSettings settings, Time time) {
        this.curator = curator;
        this.settings = settings;
        this.time = time;
        this.transactions = new ZkTransactions(this);
    }

    /**
     * Connects (creating the chroot if missing), waits for the connection up to the connection
     * timeout, and creates Kafka's persistent top-level znodes.
     *
     * @throws ZkException if ZooKeeper cannot be reached in time
     */
    public static SamsaZkClient connect(ZkClientSettings settings, Time time) {
        if (settings.chroot() != null) {
            createChroot(settings);
        }
        CuratorFramework curator = newCurator(settings.connect(), settings);
        SamsaZkClient client = new SamsaZkClient(curator, settings, time);
        curator.getConnectionStateListenable().addListener((c, state) -> client.fire(state));
        curator.start();
        try {
            client.awaitConnected(curator, settings);
            for (String path : PERSISTENT_PATHS) {
                client.createIfAbsent(path, EMPTY);
            }
            return client;
        } catch (RuntimeException e) {
            curator.close();
            throw e;
        }
    }

    private static CuratorFramework newCurator(String connect, ZkClientSettings settings) {
        return CuratorFrameworkFactory.builder()
                .connectString(connect)
                .sessionTimeoutMs(settings.sessionTimeoutMs())
                .connectionTimeoutMs(settings.connectionTimeoutMs())
                // Retrying past the session timeout is pointless: the session (and with it the
                // registration and controllership) is gone by then.
                .retryPolicy(new RetryUntilElapsed(settings.sessionTimeoutMs(), 100))
                // Curator otherwise stores the local IP address in znodes created without data.
                .defaultData(EMPTY)
                // The ensemble tracker rewrites the connect string and would drop the chroot.
                .ensembleTracker(false)
                .build();
    }

    private void awaitConnected(CuratorFramework c, ZkClientSettings s) {
        try {
            if (!c.blockUntilConnected(s.connectionTimeoutMs(), TimeUnit.MILLISECONDS)) {
                throw new ZkException("Timed out after " + s.connectionTimeoutMs() + " ms waiting to connect to ZooKeeper at " + s.connect());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZkException("Interrupted while connecting to ZooKeeper", e);
        }
    }

    private static void createChroot(ZkClientSettings settings) {
        try (CuratorFramework root = newCurator(settings.hosts(), settings)) {
            root.start();
            if (!root.blockUntilConnected(settings.connectionTimeoutMs(), TimeUnit.MILLISECONDS)) {
                throw new ZkException("Timed out after " + settings.connectionTimeoutMs() + " ms waiting to connect to ZooKeeper at " + settings.hosts());
            }
            if (root.checkExists().forPath(settings.chroot()) == null) {
                root.create().creatingParentsIfNeeded().forPath(settings.chroot(), EMPTY);
                log.info("Created ZooKeeper chroot {}", settings.chroot());
            }
        } catch (KeeperException.NodeExistsException e) {
            // Another broker created it first.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZkException("Interrupted while creating the chroot " + settings.chroot(), e);
        } catch (ZkException e) {
            throw e;
        } catch (Exception e) {
            throw new ZkException("Could not create the chroot " + settings.chroot(), e);
        }
    }

    public BrokerStore brokers() {
        return brokers;
    }

    public TopicStore topics() {
        return topics;
    }

    public LogDirEventStore logDirEvents() {
        return logDirEvents;
    }

    public PartitionStateStore partitionStates() {
        return partitionStates;
    }

    public ControllerStore controllerStore() {
        return controllerStore;
    }

    public ConfigStore configs() {
        return configs;
    }

    public ReassignmentStore reassignments() {
        return reassignments;
    }

    public ZkClientSettings settings() {
        return settings;
    }

    public Time time() {
        return time;
    }

    /** The current ZooKeeper session id (0 while no session was ever established). */
    public long sessionId() {
        long id;
        try {
            id = curator.getZookeeperClient().getZooKeeper().getSessionId();
        } catch (Exception e) {
            throw new ZkException("No ZooKeeper handle", e);
        }
        if (id != 0) {
            sessionsSeen.add(id);
        }
        return id;
    }

    /**
     * Whether {@code owner} is this client's session, the current one or one it had before. After a
     * ZooKeeper outage longer than the session timeout this client gives its session up and opens a
     * new one, but a restarted server restores the old session from its log, and with it the
     * ephemeral znodes it owned, until it expires a whole session timeout later; such znodes are
     * still this process's own and may be replaced at once.
     */
    public boolean isOwnSession(long owner) {
        return owner != 0 && (owner == sessionId() || sessionsSeen.contains(owner));
    }

    public boolean isConnected() {
        return curator.getZookeeperClient().isConnected();
    }

    /**
     * The ZooKeeper handle's state as ZooKeeper names it ({@code CONNECTED}, {@code CONNECTING},
     * {@code CLOSED}, ...), which is what Kafka's SessionState gauge shows.
     */
    public String sessionState() {
        try {
            return curator.getZookeeperClient().getZooKeeper().getState().name();
        } catch (Exception e) {
            return "NOT_CONNECTED";
        }
    }

    /**
     * Tells {@code latencyNanos} how long each ZooKeeper operation took, from the call to its
     * answer (retries included), on the thread that made it. One listener; a later call replaces it.
     */
    public void onRequestLatency(LongConsumer latencyNanos) {
        curator.getZookeeperClient().setTracerDriver(new TracerDriver() {
            @Override
            public void addTrace(String name, long time, TimeUnit unit) {
                // Curator also traces connection events; its operations are its *BuilderImpl classes.
                if (name.contains("BuilderImpl")) {
                    latencyNanos.accept(unit.toNanos(time));
                }
            }

            @Override
            public void addCount(String name, int increment) {
            }
        });
    }

    public void addConnectionListener(ZkConnectionListener listener) {
        listeners.add(listener);
    }

    public void removeConnectionListener(ZkConnectionListener listener) {
        listeners.remove(listener);
    }

    /** A new group of watches that can be dropped together. */
    public ZkWatchScope openWatchScope() {
        return new ZkWatchScope(curator.newWatcherRemoveCuratorFramework());
    }

    /**
     * The cluster id stored in {@code /cluster/id}, creating it from {@code proposedId} if absent
     * (the first broker of a cluster wins; the others read its id).
     */
    public String getOrCreateClusterId(Supplier<String> proposedId) {
        byte[] data = getDataOrNull(ClusterIdZNode.PATH, null, null);
        if (data != null) {
            return ClusterIdZNode.decode(data);
        }
        String id = proposedId.get();
        try {
            curator.create().creatingParentsIfNeeded().forPath(ClusterIdZNode.PATH, ClusterIdZNode.encode(id));
            return id;
        } catch (KeeperException.NodeExistsException e) {
            return ClusterIdZNode.decode(getDataOrNull(ClusterIdZNode.PATH, null, null));
        } catch (Exception e) {
            throw wrap("create " + ClusterIdZNode.PATH, e);
        }
    }

    /**
     * Stores an offset committed with OffsetCommit v0, creating the znode and its parents if needed.
     *
     * @throws IllegalArgumentException if the group id cannot be part of a ZooKeeper path
     */
    public void setConsumerOffset(String group, TopicPartition tp, long offset) {
        String path = ConsumerOffsetZNode.path(group, tp);
        PathUtils.validatePath(path);
        byte[] data = ConsumerOffsetZNode.encode(offset);
        try {
            try {
                curator.setData().forPath(path, data);
            } catch (KeeperException.NoNodeException e) {
                try {
                    curator.create().creatingParentsIfNeeded().forPath(path, data);
                } catch (KeeperException.NodeExistsException raced) {
                    curator.setData().forPath(path, data);
                }
            }
        } catch (Exception e) {
            throw wrap("write " + path, e);
        }
    }

    /** The offset committed with OffsetCommit v0, or empty if none was. */
    public OptionalLong consumerOffset(String group, TopicPartition tp) {
        byte[] data = getDataOrNull(ConsumerOffsetZNode.path(group, tp), null, null);
        return data == null ? OptionalLong.empty() : OptionalLong.of(ConsumerOffsetZNode.decode(data));
    }

    /** Reserves the next block of {@link ProducerIdBlock#DEFAULT_SIZE} producer ids for the broker. */
    public ProducerIdBlock allocateProducerIdBlock(int brokerId) {
        while (true) {
            Stat stat = new Stat();
            byte[] data = getDataOrNull(ProducerIdBlockZNode.PATH, stat, null);
            ProducerIdBlock next;
            if (data == null || data.length == 0) {
                next = new ProducerIdBlock(brokerId, 0L, ProducerIdBlock.DEFAULT_SIZE);
            } else {
                ProducerIdBlock current = ProducerIdBlockZNode.decode(data);
                if (current.lastProducerId() > Long.MAX_VALUE - ProducerIdBlock.DEFAULT_SIZE) {
                    throw new ZkException("All producer ids are exhausted (last block " + current + ")");
                }
                next = new ProducerIdBlock(brokerId, current.nextBlockFirstId(), ProducerIdBlock.DEFAULT_SIZE);
            }
            try {
                if (data == null) {
                    curator.create().creatingParentsIfNeeded().forPath(ProducerIdBlockZNode.PATH, ProducerIdBlockZNode.encode(next));
                } else {
                    curator.setData().withVersion(stat.getVersion()).forPath(ProducerIdBlockZNode.PATH, ProducerIdBlockZNode.encode(next));
                }
                log.info("Broker {} reserved producer id block {}", brokerId, next);
                return next;
            } catch (KeeperException.BadVersionException | KeeperException.NodeExistsException e) {
                // Another broker reserved a block at the same time: read again.
            } catch (Exception e) {
                throw wrap("reserve a producer id block", e);
            }
        }
    }

    /**
     * Fault injection for tests and chaos drills: ends this client's session on the server exactly as
     * an expiry would (its ephemeral znodes vanish at once; this client then sees LOST and reconnects
     * with a new session).
     */
    public void expireSession() {
        try {
            ZooKeeper handle = curator.getZookeeperClient().getZooKeeper();
            CountDownLatch connected = new CountDownLatch(1);
            ZooKeeper twin = new ZooKeeper(settings.connect(), settings.sessionTimeoutMs(), event -> {
                if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
            }, handle.getSessionId(), handle.getSessionPasswd());
            try {
                if (!connected.await(settings.connectionTimeoutMs(), TimeUnit.MILLISECONDS)) {
                    throw new ZkException("Could not attach to session 0x" + Long.toHexString(handle.getSessionId()));
                }
            } finally {
                twin.close();
            }
        } catch (ZkException e) {
            throw e;
        } catch (Exception e) {
            throw wrap("expire the session", e);
        }
    }

    @Override
    public void close() {
        curator.close();
    }

    // ---------------------------------------------------------------- helpers for the stores

    CuratorFramework curator() {
        return curator;
    }

    /** Multi-op transactions, fenced or not. */
    ZkTransactions tx() {
        return transactions;
    }

    CuratorFramework framework(ZkWatch watch) {
        return watch == null ? curator : watch.scope().framework();
    }

    /** The znode's data (filling {@code stat}), or null if it does not exist. */
    byte[] getDataOrNull(String path, Stat stat, ZkWatch watch) {
        try {
            CuratorFramework c = framework(watch);
            Stat s = stat == null ? new Stat() : stat;
            if (watch == null) {
                return c.getData().storingStatIn(s).forPath(path);
            }
            return c.getData().storingStatIn(s).usingWatcher(watch.watcher()).forPath(path);
        } catch (KeeperException.NoNodeException e) {
            return null;
        } catch (Exception e) {
            throw wrap("read " + path, e);
        }
    }

    /** The children's names, or an empty list if the znode does not exist (then no watch is set). */
    List<String> getChildren(String path, ZkWatch watch) {
        try {
            CuratorFramework c = framework(watch);
            if (watch == null) {
                return c.getChildren().forPath(path);
            }
            return c.getChildren().usingWatcher(watch.watcher()).forPath(path);
        } catch (KeeperException.NoNodeException e) {
            return Collections.emptyList();
        } catch (Exception e) {
            throw wrap("list " + path, e);
        }
    }

    /** The znode's stat, or null; with a watch, it is set whether or not the znode exists. */
    Stat exists(String path, ZkWatch watch) {
        try {
            CuratorFramework c = framework(watch);
            if (watch == null) {
                return c.checkExists().forPath(path);
            }
            return c.checkExists().usingWatcher(watch.watcher()).forPath(path);
        } catch (Exception e) {
            throw wrap("check " + path, e);
        }
    }

    /** Creates a persistent znode (and missing parents); false if it already existed. */
    boolean createIfAbsent(String path, byte[] data) {
        try {
            curator.create().creatingParentsIfNeeded().withMode(CreateMode.PERSISTENT).forPath(path, data);
            return true;
        } catch (KeeperException.NodeExistsException e) {
            return false;
        } catch (Exception e) {
            throw wrap("create " + path, e);
        }
    }

    /** Reads many znodes at once (pipelined); a missing znode gives a null data entry. */
    List<NodeData> getDataBatch(List<String> paths, List<ZkWatch> watches) {
        int n = paths.size();
        NodeData[] results = new NodeData[n];
        Exception[] failure = new Exception[1];
        CountDownLatch done = new CountDownLatch(n);
        try {
            for (int i = 0; i < n; i++) {
                int index = i;
                String path = paths.get(i);
                ZkWatch watch = watches == null ? null : watches.get(i);
                GetDataBuilder builder = framework(watch).getData();
                BackgroundPathable<byte[]> target = watch == null ? builder : builder.usingWatcher(watch.watcher());
                target.inBackground((c, event) -> {
                    int rc = event.getResultCode();
                    if (rc == KeeperException.Code.OK.intValue()) {
                        results[index] = new NodeData(path, event.getData(), event.getStat());
                    } else if (rc == KeeperException.Code.NONODE.intValue()) {
                        results[index] = new NodeData(path, null, null);
                    } else {
                        failure[0] = KeeperException.create(KeeperException.Code.get(rc), path);
                    }
                    done.countDown();
                }).forPath(path);
            }
            awaitBatch(done, "read " + n + " znodes");
        } catch (Exception e) {
            throw wrap("read " + n + " znodes", e);
        }
        if (failure[0] != null) {
            throw wrap("read " + n + " znodes", failure[0]);
        }
        List<NodeData> list = new ArrayList<>(n);
        Collections.addAll(list, results);
        return list;
    }

    /** The data and stat of one znode read by {@link #getDataBatch}; data is null if it does not exist. */
    record NodeData(String path, byte[] data, Stat stat) {
    }

    void awaitBatch(CountDownLatch done, String what) throws InterruptedException {
        long timeoutMs = 2L * settings.sessionTimeoutMs() + settings.connectionTimeoutMs();
        if (!done.await(timeoutMs, TimeUnit.MILLISECONDS)) {
            throw new ZkException("Timed out after " + timeoutMs + " ms waiting for " + what);
        }
    }

    static ZkException wrap(String what, Exception e) {
        if (e instanceof ZkException z) {
            return z;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ZkException("Interrupted while trying to " + what, e);
        }
        if (e instanceof KeeperException k) {
            return new ZkException("ZooKeeper error " + k.code() + " while trying to " + what, e);
        }
        return new ZkException("Failed to " + what + ": " + e, e);
    }

    private void fire(ConnectionState state) {
        ZkConnectionListener.State mapped = switch (state) {
            case CONNECTED -> ZkConnectionListener.State.CONNECTED;
            case SUSPENDED -> ZkConnectionListener.State.SUSPENDED;
            case RECONNECTED -> ZkConnectionListener.State.RECONNECTED;
            case LOST -> ZkConnectionListener.State.LOST;
            case READ_ONLY -> ZkConnectionListener.State.READ_ONLY;
        };
        log.info("ZooKeeper connection {}", mapped);
        for (ZkConnectionListener listener : listeners) {
            try {
                listener.stateChanged(mapped);
            } catch (RuntimeException e) {
                log.error("ZooKeeper connection listener failed on {}", mapped, e);
            }
        }
    }
}
