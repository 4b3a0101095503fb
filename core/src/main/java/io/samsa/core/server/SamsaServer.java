package io.samsa.core.server;

import io.samsa.common.Time;
import io.samsa.common.Uuid;
import io.samsa.core.controller.Controller;
import io.samsa.core.coordinator.group.CoordinatorThread;
import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.coordinator.group.GroupCoordinatorMetrics;
import io.samsa.core.coordinator.group.OffsetsTopic;
import io.samsa.core.coordinator.group.ReplicaOffsetsLog;
import io.samsa.core.coordinator.producer.ProducerIdManager;
import io.samsa.core.log.LogConfig;
import io.samsa.core.log.LogManager;
import io.samsa.core.log.LogManagerConfig;
import io.samsa.core.log.ThreadPoolScheduler;
import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.core.metrics.KafkaMetricName;
import io.samsa.core.metrics.MetricsHttpListener;
import io.samsa.core.metrics.MetricsHttpServer;
import io.samsa.core.metrics.PrometheusExposition;
import io.samsa.core.network.IdleTimedQueue;
import io.samsa.core.network.SocketServer;
import io.samsa.core.replication.ReplicaManager;
import io.samsa.core.replication.ReplicationConfig;
import io.samsa.core.server.admin.DynamicConfigManager;
import io.samsa.core.server.admin.OffsetsTopicCreator;
import io.samsa.core.server.admin.TopicConfigs;
import io.samsa.core.server.admin.ZkAdminManager;
import io.samsa.core.server.admin.ZkConfigAdmin;
import io.samsa.core.server.brokertocontroller.AlterPartitionSender;
import io.samsa.core.server.brokertocontroller.BrokerToControllerChannel;
import io.samsa.core.server.brokertocontroller.ControlledShutdownRequester;
import io.samsa.core.server.fetchsession.FetchSessionCache;
import io.samsa.core.server.handlers.AlterConfigsHandler;
import io.samsa.core.server.handlers.AlterPartitionHandler;
import io.samsa.core.server.handlers.AlterPartitionReassignmentsHandler;
import io.samsa.core.server.handlers.ApiVersionsHandler;
import io.samsa.core.server.handlers.ControlledShutdownHandler;
import io.samsa.core.server.handlers.CreatePartitionsHandler;
import io.samsa.core.server.handlers.CreateTopicsHandler;
import io.samsa.core.server.handlers.DeleteGroupsHandler;
import io.samsa.core.server.handlers.DeleteRecordsHandler;
import io.samsa.core.server.handlers.DeleteTopicsHandler;
import io.samsa.core.server.handlers.DescribeClusterHandler;
import io.samsa.core.server.handlers.DescribeConfigsHandler;
import io.samsa.core.server.handlers.DescribeGroupsHandler;
import io.samsa.core.server.handlers.DescribeLogDirsHandler;
import io.samsa.core.server.handlers.ElectLeadersHandler;
import io.samsa.core.server.handlers.FetchHandler;
import io.samsa.core.server.handlers.FindCoordinatorHandler;
import io.samsa.core.server.handlers.HeartbeatHandler;
import io.samsa.core.server.handlers.IncrementalAlterConfigsHandler;
import io.samsa.core.server.handlers.InitProducerIdHandler;
import io.samsa.core.server.handlers.JoinGroupHandler;
import io.samsa.core.server.handlers.LeaderAndIsrHandler;
import io.samsa.core.server.handlers.LeaveGroupHandler;
import io.samsa.core.server.handlers.ListGroupsHandler;
import io.samsa.core.server.handlers.ListOffsetsHandler;
import io.samsa.core.server.handlers.ListPartitionReassignmentsHandler;
import io.samsa.core.server.handlers.MetadataHandler;
import io.samsa.core.server.handlers.OffsetCommitHandler;
import io.samsa.core.server.handlers.OffsetDeleteHandler;
import io.samsa.core.server.handlers.OffsetFetchHandler;
import io.samsa.core.server.handlers.OffsetForLeaderEpochHandler;
import io.samsa.core.server.handlers.ProduceHandler;
import io.samsa.core.server.handlers.StopReplicaHandler;
import io.samsa.core.server.handlers.SyncGroupHandler;
import io.samsa.core.server.handlers.UpdateMetadataHandler;
import io.samsa.core.server.handlers.Version0OffsetStore;
import io.samsa.core.server.liveness.RefusedConnectionProbe;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.core.server.metadata.MetadataWaiters;
import io.samsa.zk.BrokerInfo;
import io.samsa.zk.BrokerRegistration;
import io.samsa.zk.EndPoint;
import io.samsa.zk.SamsaZkClient;
import io.samsa.zk.ZkClientSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One broker's lifecycle: wires storage, metadata, request handlers, the network and ZooKeeper
 * coordination together, and takes them apart again in the reverse order on shutdown, so that
 * every acknowledged record is flushed and the clean-shutdown marker written. Startup and
 * shutdown are not concurrent-safe with each other; everything else is.
 */
public final class SamsaServer {

    private static final Logger log = LoggerFactory.getLogger(SamsaServer.class);

    private final BrokerConfig config;
    private final Time time;
    private SamsaZkClient zk;
    private LogManager logManager;
    private DynamicConfigManager dynamicConfigManager;
    private ThreadPoolScheduler scheduler;
    /** Deadlines of parked requests (the replica manager's purgatories, metadata waits), apart from the log's slower tasks. */
    private ThreadPoolScheduler requestTimer;
    private MetadataCache metadataCache;
    private MetadataWaiters metadataWaiters;
    private ReplicaManager replicaManager;
    private GroupCoordinator groupCoordinator;
    private CoordinatorThread groupCoordinatorThread;
    private ExecutorService groupLoader;
    private ThreadPoolExecutor handlerPool;
    private SocketServer socketServer;
    private volatile BrokerRegistration registration;
    private volatile BrokerControllerRole controllerRole;
    private BrokerToControllerChannel toController;
    private RefusedConnectionProbe controllerProbe;
    /** How long a request to the controller waits before it is tried again (no controller known, connection lost). */
    private static final long CONTROLLER_RETRY_BACKOFF_MS = 100;
    private final FaultHooks faultHooks = new FaultHooks();
    /** Published over JMX from startup to shutdown. */
    private final BrokerMetrics metrics;
    private HighWatermarks highWatermarks;
    /** {@code host:port} of this broker's inter-broker listener, once bound. */
    private volatile String interBrokerAddress;
    /** Prometheus metrics and health probes over HTTP, when metrics.http.listener is set. */
    private volatile MetricsHttpServer metricsHttpServer;
    private volatile boolean started;
    private volatile boolean shutDown;

    public SamsaServer(BrokerConfig config) {
        this(config, Time.SYSTEM);
    }

    public SamsaServer(BrokerConfig config, Time time) {
        this.config = config;
        this.time = time;
        this.metrics = new BrokerMetrics(time);
    }

    public BrokerConfig config() {
        return config;
    }

    public synchronized void startup() throws Exception {
        long startNanos = time.nanoseconds();
        int brokerId = config.brokerId();
        if (brokerId < 0) {
            throw new io.samsa.common.config.ConfigException(BrokerConfig.BROKER_ID, brokerId,
                    "must be set (automatic broker id generation is not supported)");
        }
        for (String key : config.undefinedKeys()) {
            log.warn("The configuration '{}' was supplied but isn't a known config.", key);
        }
        log.info("Starting Samsa broker {}", brokerId);
        metrics.startJmx(ManagementFactory.getPlatformMBeanServer());

        zk = SamsaZkClient.connect(new ZkClientSettings(config.zkConnect(), config.zkSessionTimeoutMs(),
                config.zkConnectionTimeoutMs()), time);
        ZooKeeperMetrics.register(metrics, zk);
        String clusterId = zk.getOrCreateClusterId(() -> Uuid.randomUuid().toString());
        ClusterIdentity identity = new ClusterIdentity(clusterId, brokerId);

        LogConfig brokerDefaults = LogConfig.fromBrokerProperties(config.originals());
        TopicConfigs topicConfigs = new TopicConfigs(zk.configs(), brokerDefaults);
        scheduler = new ThreadPoolScheduler(1, "samsa-log-scheduler");
        List<File> dirs = config.logDirs().stream().map(File::new).toList();
        LogManagerConfig lmConfig = LogManagerConfig.fromBrokerProperties(config.originals());
        logManager = new LogManager(lmConfig.withLogDirs(dirs), brokerDefaults, topicConfigs::logConfig, time, scheduler);
        logManager.startup();
        // The controller learns of a failed log dir from ZooKeeper and moves its partitions' leadership.
        logManager.addOfflineListener(dir -> {
            try {
                zk.logDirEvents().notifyFailure(brokerId);
            } catch (RuntimeException e) {
                log.error("Could not tell the controller that log dir {} failed", dir, e);
            }
        });
        dynamicConfigManager = new DynamicConfigManager(zk, topicConfigs, logManager, time);
        dynamicConfigManager.startup();
        ZkConfigAdmin configAdmin = new ZkConfigAdmin(zk, topicConfigs);
        long producerExpirationMs = config.getLong(BrokerConfig.PRODUCER_ID_EXPIRATION_MS);
        long producerCheckMs = config.getLong(BrokerConfig.PRODUCER_ID_EXPIRATION_CHECK_INTERVAL_MS);
        scheduler.schedule("remove-expired-producers",
                () -> logManager.allLogs().forEach(l -> l.removeExpiredProducers(producerExpirationMs)), producerCheckMs, producerCheckMs);

        metadataCache = new MetadataCache();
        requestTimer = new ThreadPoolScheduler(1, "samsa-request-timer");
        metadataWaiters = new MetadataWaiters(metadataCache, requestTimer);
        ReplicationConfig replication = config.replicationConfig();
        toController = new BrokerToControllerChannel(brokerId, metadataCache, config.interBrokerEndPoint().listenerName(),
                replication.socketTimeoutMs(), CONTROLLER_RETRY_BACKOFF_MS);
        toController.start();
        replicaManager = new ReplicaManager(brokerId, logManager, topicConfigs::logConfig, time, requestTimer, replication,
                new AlterPartitionSender(brokerId, this::brokerEpoch, toController, requestTimer),
                id -> metadataCache.snapshot().broker(id).isPresent(), metrics);
        replicaManager.startup();
        ZkAdminManager topicAdmin = new ZkAdminManager(zk, config, topicConfigs);
        // The offsets topic keeps the partition count it was created with, whatever the config says now (as in Kafka).
        int offsetsPartitions = zk.topics().get(OffsetsTopic.NAME, null).map(v -> v.value().partitionCount())
                .orElse(config.getInt(BrokerConfig.OFFSETS_TOPIC_NUM_PARTITIONS));
        groupCoordinatorThread = new CoordinatorThread("samsa-group-coordinator");
        groupLoader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "samsa-group-metadata-loader");
            t.setDaemon(true);
            return t;
        });
        highWatermarks = new HighWatermarks(replicaManager, () -> interBrokerAddress, brokerId);
        groupCoordinator = new GroupCoordinator(config.groupConfig(), offsetsPartitions,
                new ReplicaOffsetsLog(replicaManager, config.getInt(BrokerConfig.OFFSETS_LOAD_BUFFER_SIZE),
                        config.getInt(BrokerConfig.OFFSETS_COMMIT_TIMEOUT_MS)),
                groupCoordinatorThread, groupLoader, time, new GroupCoordinatorMetrics(metrics, highWatermarks));
        replicaManager.addLeadershipListener(groupCoordinator.leadershipListener());
        metadataCache.addDeletionListener(groupCoordinator::onPartitionsDeleted);
        groupCoordinator.startup();
        OffsetsTopicCreator offsetsTopicCreator = new OffsetsTopicCreator(topicAdmin, metadataCache, offsetsPartitions,
                config.getShort(BrokerConfig.OFFSETS_TOPIC_REPLICATION_FACTOR), config.getInt(BrokerConfig.OFFSETS_TOPIC_SEGMENT_BYTES));

        Version0OffsetStore version0Offsets = Version0OffsetStore.zooKeeper(zk);
        HandlerRegistry registry = new HandlerRegistry();
        ApiVersionsHandler apiVersions = new ApiVersionsHandler(registry);
        registry.register(apiVersions)
                .register(new MetadataHandler(metadataCache, identity, topicAdmin, config.getBoolean(BrokerConfig.AUTO_CREATE_TOPICS_ENABLE)))
                .register(new ProduceHandler(replicaManager, metadataCache, faultHooks))
                .register(new FetchHandler(replicaManager, metadataCache, new FetchSessionCache(
                        config.getInt(BrokerConfig.MAX_INCREMENTAL_FETCH_SESSION_CACHE_SLOTS), FetchSessionCache.EVICTION_MS, time)))
                .register(new OffsetForLeaderEpochHandler(replicaManager, metadataCache))
                .register(new AlterPartitionHandler(this::activeController, metadataCache))
                .register(new ControlledShutdownHandler(this::activeController))
                .register(new AlterPartitionReassignmentsHandler(this::activeController))
                .register(new ListPartitionReassignmentsHandler(this::activeController))
                .register(new ElectLeadersHandler(this::activeController, metadataWaiters))
                .register(new ListOffsetsHandler(replicaManager, metadataCache))
                .register(new CreateTopicsHandler(topicAdmin, metadataWaiters))
                .register(new DeleteTopicsHandler(topicAdmin, metadataCache, metadataWaiters))
                .register(new CreatePartitionsHandler(topicAdmin, metadataWaiters))
                .register(new DescribeConfigsHandler(topicConfigs, metadataCache, config))
                .register(new IncrementalAlterConfigsHandler(configAdmin, brokerId))
                .register(new AlterConfigsHandler(configAdmin))
                .register(new DeleteRecordsHandler(replicaManager, metadataCache))
                .register(new DescribeClusterHandler(metadataCache, identity))
                .register(new DescribeLogDirsHandler(logManager, replicaManager))
                .register(new LeaderAndIsrHandler(replicaManager, this::brokerEpoch))
                .register(new UpdateMetadataHandler(metadataCache, this::brokerEpoch))
                .register(new StopReplicaHandler(replicaManager, this::brokerEpoch))
                .register(new FindCoordinatorHandler(groupCoordinator, offsetsTopicCreator, metadataCache))
                .register(new JoinGroupHandler(groupCoordinator))
                .register(new SyncGroupHandler(groupCoordinator))
                .register(new HeartbeatHandler(groupCoordinator))
                .register(new LeaveGroupHandler(groupCoordinator))
                .register(new OffsetCommitHandler(groupCoordinator, metadataCache, version0Offsets,
                        config.groupConfig().offsetMetadataMaxBytes()))
                .register(new OffsetFetchHandler(groupCoordinator, metadataCache, version0Offsets))
                .register(new ListGroupsHandler(groupCoordinator))
                .register(new DescribeGroupsHandler(groupCoordinator))
                .register(new DeleteGroupsHandler(groupCoordinator))
                .register(new OffsetDeleteHandler(groupCoordinator, metadataCache))
                .register(new InitProducerIdHandler(new ProducerIdManager(() -> zk.allocateProducerIdBlock(brokerId))));

        int ioThreads = config.getInt(BrokerConfig.NUM_IO_THREADS);
        AtomicInteger threadIds = new AtomicInteger();
        // A full queue runs the request on the network thread: back-pressure, as Kafka's processors block.
        handlerPool = new ThreadPoolExecutor(ioThreads, ioThreads, 0, TimeUnit.MILLISECONDS,
                new IdleTimedQueue(config.getInt(BrokerConfig.QUEUED_MAX_REQUESTS), ioThreads, metrics.timeShareMeter(
                        KafkaMetricName.of("kafka.server", "KafkaRequestHandlerPool", "RequestHandlerAvgIdlePercent"))),
                r -> {
                    Thread t = new Thread(r, "samsa-request-handler-" + threadIds.getAndIncrement());
                    t.setDaemon(true);
                    return t;
                }, (task, pool) -> {
                    // A request arriving during shutdown is refused (its connection closes and its buffer is
                    // released) rather than silently dropped, as CallerRunsPolicy drops work once the pool is shut down.
                    if (pool.isShutdown()) {
                        throw new RejectedExecutionException("the request handlers are shutting down");
                    }
                    task.run();
                });
        socketServer = new SocketServer(new SocketServer.Settings(config.getInt(BrokerConfig.NUM_NETWORK_THREADS),
                config.getInt(BrokerConfig.SOCKET_REQUEST_MAX_BYTES), config.getInt(BrokerConfig.SOCKET_SEND_BUFFER_BYTES),
                config.getInt(BrokerConfig.SOCKET_RECEIVE_BUFFER_BYTES), config.getLong(BrokerConfig.CONNECTIONS_MAX_IDLE_MS)),
                new RequestDispatcher(registry, apiVersions), handlerPool, time, metrics);
        List<SocketServer.Listener> listeners = new ArrayList<>();
        for (EndPoint e : config.listeners()) {
            listeners.add(new SocketServer.Listener(e.listenerName(), e.host(), e.port()));
        }
        BrokerRegistration.awaitEarlierProcessGone(zk, BrokerInfo.forRegistration(brokerId, config.advertisedListeners(),
                config.getString(BrokerConfig.BROKER_RACK), time.milliseconds()), config.zkSessionTimeoutMs());
        socketServer.start(listeners);
        Optional<MetricsHttpListener> metricsListener = config.metricsHttpListener();
        if (metricsListener.isPresent()) {
            PrometheusExposition exposition = new PrometheusExposition(metrics.registry());
            ReplicaManager replicas = replicaManager;
            metricsHttpServer = MetricsHttpServer.start(metricsListener.get(), exposition::scrape, new BrokerReadiness(() -> shutDown,
                    () -> started, () -> registration != null && registration.isRegistered(), replicas::underMinIsrPartitions));
        }

        List<EndPoint> advertised = new ArrayList<>();
        for (EndPoint e : config.advertisedListeners()) {
            // A listener configured on port 0 advertises the port it actually bound.
            int port = e.port() == 0 ? socketServer.boundPort(e.listenerName()) : e.port();
            advertised.add(new EndPoint(e.listenerName(), e.host(), port, e.securityProtocol()));
            if (e.listenerName().equals(config.interBrokerEndPoint().listenerName())) {
                interBrokerAddress = (e.host() == null || e.host().isEmpty() ? "localhost" : e.host()) + ":" + port;
            }
        }
        registration = new BrokerRegistration(zk, BrokerInfo.forRegistration(brokerId, advertised,
                config.getString(BrokerConfig.BROKER_RACK), time.milliseconds()));
        registration.start();
        while (!registration.awaitRegistered(1, TimeUnit.SECONDS)) {
            // BrokerRegistration logs once why it is waiting (a previous session still holds the id).
        }
        controllerRole = new BrokerControllerRole(zk, config, time, config.interBrokerEndPoint().listenerName(), scheduler, metrics);
        controllerRole.start();
        controllerProbe = new RefusedConnectionProbe("controller-probe-" + brokerId, BrokerControllerRole.PROBE_INTERVAL_MS,
                BrokerControllerRole.REFUSALS_TO_FAIL, this::controllerProbeTarget, t -> zk.controllerStore().deleteIfHeldBy(t.id()));
        controllerProbe.start();
        started = true;
        log.info("Samsa broker {} started in {} ms (cluster {}, listeners {})", brokerId,
                (time.nanoseconds() - startNanos) / 1_000_000, clusterId, advertised.stream().map(EndPoint::connectionString).toList());
    }

    public boolean isStarted() {
        return started;
    }

    /** The port a listener bound (tests configure port 0). */
    public int boundPort(String listenerName) {
        return socketServer.boundPort(listenerName);
    }

    /** Where metrics are served over HTTP (the bound port when metrics.http.listener asks for port 0), if they are. */
    public Optional<InetSocketAddress> metricsHttpAddress() {
        MetricsHttpServer server = metricsHttpServer;
        return server == null ? Optional.empty() : Optional.of(server.boundAddress());
    }

    public MetadataCache metadataCache() {
        return metadataCache;
    }

    public ReplicaManager replicaManager() {
        return replicaManager;
    }


    public LogManager logManager() {
        return logManager;
    }

    public GroupCoordinator groupCoordinator() {
        return groupCoordinator;
    }

    /** This broker's metrics (what JMX shows, when this is the only broker in the JVM). */
    public BrokerMetrics metrics() {
        return metrics;
    }

    /** Fault injection for tests. */
    public FaultHooks faultHooks() {
        return faultHooks;
    }

    /** The epoch of this broker's registration (the zxid that created it), or -1 before it registered. */
    public long brokerEpoch() {
        BrokerRegistration r = registration;
        return r == null ? -1 : r.brokerEpoch();
    }

    /**
     * The controller, when it is another broker: if its process is gone, /controller is deleted so
     * that a new controller is elected now rather than when the dead one's session expires.
     */
    private List<RefusedConnectionProbe.Target> controllerProbeTarget() {
        MetadataCache.Snapshot snap = metadataCache.snapshot();
        int id = snap.controllerId();
        if (id < 0 || id == config.brokerId()) {
            return List.of();
        }
        return snap.broker(id).flatMap(b -> b.endPoint(config.interBrokerEndPoint().listenerName()))
                .map(e -> List.of(new RefusedConnectionProbe.Target(id, snap.controllerEpoch(), e.host(), e.port())))
                .orElse(List.of());
    }

    private Controller activeController() {
        BrokerControllerRole role = controllerRole;
        return role == null ? null : role.controller();
    }

    public boolean isController() {
        return controllerRole != null && controllerRole.isActive();
    }

    /** Stops in reverse order of startup. Safe to call more than once, and after a failed startup. */
    public synchronized void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        boolean wasStarted = started;
        started = false;
        log.info("Shutting down Samsa broker {}", config.brokerId());
        if (wasStarted && config.getBoolean(BrokerConfig.CONTROLLED_SHUTDOWN_ENABLE)) {
            closeQuietly("controlled shutdown", () -> new ControlledShutdownRequester(config.brokerId(), this::brokerEpoch, toController,
                    config.getInt(BrokerConfig.CONTROLLED_SHUTDOWN_MAX_RETRIES),
                    config.getLong(BrokerConfig.CONTROLLED_SHUTDOWN_RETRY_BACKOFF_MS),
                    config.replicationConfig().socketTimeoutMs()).run());
        }
        closeQuietly("lag high watermarks", () -> { if (highWatermarks != null) highWatermarks.close(); });
        closeQuietly("controller probe", () -> { if (controllerProbe != null) controllerProbe.close(); });
        closeQuietly("controller", () -> { if (controllerRole != null) controllerRole.close(); });
        closeQuietly("socket server", () -> { if (socketServer != null) socketServer.stopAccepting(); });
        closeQuietly("request handlers", () -> {
            if (handlerPool != null) {
                handlerPool.shutdown();
                handlerPool.awaitTermination(30, TimeUnit.SECONDS);
            }
        });
        closeQuietly("replica manager", () -> { if (replicaManager != null) replicaManager.shutdown(); });
        closeQuietly("channel to the controller", () -> { if (toController != null) toController.close(); });
        closeQuietly("group coordinator", () -> { if (groupCoordinator != null) groupCoordinator.shutdown(); });
        closeQuietly("group coordinator thread", () -> { if (groupCoordinatorThread != null) groupCoordinatorThread.close(); });
        closeQuietly("group metadata loader", () -> { if (groupLoader != null) groupLoader.shutdownNow(); });
        closeQuietly("socket server", () -> { if (socketServer != null) socketServer.close(); });
        closeQuietly("request timer", () -> { if (requestTimer != null) requestTimer.shutdown(); });
        closeQuietly("dynamic config manager", () -> { if (dynamicConfigManager != null) dynamicConfigManager.close(); });
        closeQuietly("log manager", () -> { if (logManager != null) logManager.shutdown(); });
        closeQuietly("log scheduler", () -> { if (scheduler != null) scheduler.shutdown(); });
        closeQuietly("broker registration", () -> { if (registration != null) registration.close(); });
        closeQuietly("ZooKeeper client", () -> { if (zk != null) zk.close(); });
        closeQuietly("metrics HTTP server", () -> { if (metricsHttpServer != null) metricsHttpServer.close(); });
        closeQuietly("metrics reporter", metrics::close);
        log.info("Samsa broker {} shut down", config.brokerId());
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void closeQuietly(String what, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            log.error("Error shutting down the {}", what, e);
        }
    }
}
