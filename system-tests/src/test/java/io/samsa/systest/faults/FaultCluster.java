package io.samsa.systest.faults;

import io.samsa.systest.harness.BrokerKind;
import io.samsa.systest.harness.ClusterNetwork;
import io.samsa.systest.harness.NetworkNamespaces;
import io.samsa.systest.harness.ProcessCluster;
import io.samsa.systest.harness.SmallFilesystem;
import io.samsa.systest.harness.ZkInspector;
import io.samsa.systest.harness.ZkInspector.PartitionState;
import io.samsa.testkit.Wait;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;

/**
 * A fresh three-broker cluster of one {@link BrokerKind} for one fault scenario, configured as the
 * scenarios need and as {@link #DESCRIPTION} says, holding one topic with a single partition
 * replicated on all three brokers. The topic's preferred leader is chosen so that it is not the
 * controller, which keeps "kill the leader" and "kill the controller" separate faults. Its
 * directory under target/clusters keeps the broker logs and the tools' output. A {@link Layout}
 * can put every process in a network namespace of its own, or give every broker a small first log
 * dir; closing the cluster removes both. Not thread-safe.
 */
final class FaultCluster implements AutoCloseable {

    static final int BROKERS = 3;
    /** Short, so that a lost broker is noticed within seconds; Kafka's default is 18000. */
    static final int SESSION_TIMEOUT_MS = 6_000;
    /** Shorter than Kafka's default 30000, so that a frozen leader tries to shrink its ISR soon after it resumes. */
    static final int REPLICA_LAG_TIME_MAX_MS = 10_000;
    static final String TOPIC = "faults";
    static final String OFFSETS_TOPIC = "__consumer_offsets";
    static final String DESCRIPTION = BROKERS + " brokers, topic " + TOPIC + " with 1 partition and replication factor 3, "
            + "min.insync.replicas=2, zookeeper.session.timeout.ms=" + SESSION_TIMEOUT_MS + " (Kafka's default: 18000), "
            + "replica.lag.time.max.ms=" + REPLICA_LAG_TIME_MAX_MS + " (default: 30000), auto.leader.rebalance.enable=false; "
            + "verifiable producer idempotent, acks=all, unlimited retries";

    /** Size of the small first log dirs of {@link Layout#SMALL_FIRST_LOG_DIR}. */
    static final int SMALL_LOG_DIR_MB = 64;
    private static final Duration STARTUP = Duration.ofSeconds(90);

    /** Where the processes run and where the brokers keep their logs. */
    enum Layout {
        /** Every process on 127.0.0.1, one log dir per broker. */
        LOOPBACK,
        /** ZooKeeper, each broker and the clients in network namespaces of their own ({@link NetworkNamespaces}). */
        NETWORK_NAMESPACES,
        /**
         * Every broker with two log dirs: first a {@value #SMALL_LOG_DIR_MB} MB filesystem of its own,
         * where the topic's partition (the first created) is placed, then its usual directory.
         */
        SMALL_FIRST_LOG_DIR
    }

    private final ProcessCluster cluster;
    private final ZkInspector zk;
    private final Admin admin;
    private final PartitionWatch partition;
    private final Map<Integer, SmallFilesystem> smallLogDirs;

    private FaultCluster(ProcessCluster cluster, ZkInspector zk, Admin admin, Map<Integer, SmallFilesystem> smallLogDirs) {
        this.cluster = cluster;
        this.zk = zk;
        this.admin = admin;
        this.partition = new PartitionWatch(zk, TOPIC, 0, Set.copyOf(cluster.brokerIds()));
        this.smallLogDirs = smallLogDirs;
    }

    static FaultCluster start(BrokerKind kind, String name, Layout layout) {
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < BROKERS; id++) {
            ids.add(id);
        }
        ClusterNetwork network = layout == Layout.NETWORK_NAMESPACES ? NetworkNamespaces.create(ids) : ClusterNetwork.LOOPBACK;
        ProcessCluster cluster;
        try {
            cluster = new ProcessCluster(kind, network, kind.label() + "-" + name, BROKERS, SESSION_TIMEOUT_MS);
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
        Map<Integer, SmallFilesystem> smallLogDirs = new TreeMap<>();
        cluster.setBrokerConfig("default.replication.factor", "3");
        cluster.setBrokerConfig("offsets.topic.replication.factor", "3");
        cluster.setBrokerConfig("min.insync.replicas", "2");
        cluster.setBrokerConfig("replica.lag.time.max.ms", Integer.toString(REPLICA_LAG_TIME_MAX_MS));
        // Leadership moves only because of the faults, never by a periodic preferred-leader election.
        cluster.setBrokerConfig("auto.leader.rebalance.enable", "false");
        ZkInspector zk = null;
        Admin admin = null;
        try {
            if (layout == Layout.SMALL_FIRST_LOG_DIR) {
                SmallFilesystem.unmountLeftovers();
                for (int id : ids) {
                    SmallFilesystem fs = SmallFilesystem.mount(cluster.workDir().resolve("broker-" + id + "-small"), SMALL_LOG_DIR_MB);
                    smallLogDirs.put(id, fs);
                    cluster.setBrokerConfig(id, "log.dirs", fs.dir() + "," + cluster.brokerLogDir(id));
                }
            }
            cluster.start();
            zk = new ZkInspector(cluster.zkConnect());
            admin = admin(cluster.bootstrapServers());
            FaultCluster f = new FaultCluster(cluster, zk, admin, smallLogDirs);
            f.awaitRegistered();
            f.createTopic();
            return f;
        } catch (RuntimeException | AssertionError e) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
            if (zk != null) {
                zk.close();
            }
            closeAll(cluster, smallLogDirs);
            throw e;
        }
    }

    /** The processes first, then the network and filesystems they used. */
    private static void closeAll(ProcessCluster cluster, Map<Integer, SmallFilesystem> smallLogDirs) {
        try {
            cluster.close();
        } finally {
            try {
                cluster.network().close();
            } finally {
                smallLogDirs.values().forEach(SmallFilesystem::close);
            }
        }
    }

    private static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(p);
    }

    private void awaitRegistered() {
        Wait.until("brokers " + cluster.brokerIds() + " registered and a controller elected (" + cluster.workDir() + ")", STARTUP,
                () -> cluster.brokerIds().stream().allMatch(zk::isRegistered) && zk.controller().isPresent());
    }

    /** The partition's replicas start from the broker after the controller: that broker is the first leader. */
    private void createTopic() {
        int first = (controller() + 1) % BROKERS;
        List<Integer> replicas = List.of(first, (first + 1) % BROKERS, (first + 2) % BROKERS);
        Wait.until("topic " + TOPIC + " created with replicas " + replicas, STARTUP, () -> {
            // CreateTopics can fail while the brokers still learn about each other; a retry finds it created.
            if (zk.partitionCount(TOPIC) == 0) {
                get(admin.createTopics(List.of(new NewTopic(TOPIC, Map.of(0, replicas)))).all());
            }
            return true;
        });
        partition.await("led by " + first + " with a full ISR", STARTUP,
                s -> s.leader() == first && Set.copyOf(s.isr()).equals(Set.copyOf(replicas)));
        Wait.until("metadata naming broker " + first + " leader of " + TOPIC + "-0", STARTUP, () -> get(
                admin.describeTopics(List.of(TOPIC)).allTopicNames()).get(TOPIC).partitions().get(0).leader().id() == first);
    }

    ProcessCluster processes() {
        return cluster;
    }

    ZkInspector zk() {
        return zk;
    }

    PartitionWatch partition() {
        return partition;
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The namespaces of a {@link Layout#NETWORK_NAMESPACES} cluster. */
    NetworkNamespaces namespaces() {
        if (cluster.network() instanceof NetworkNamespaces n) {
            return n;
        }
        throw new IllegalStateException("this cluster does not run in network namespaces");
    }

    /** The directory of the topic's partition on broker {@code id}: in its small first log dir when it has one. */
    Path partitionDir(int id) {
        Path logDir = smallLogDirs.containsKey(id) ? smallLogDirs.get(id).dir() : cluster.brokerLogDir(id);
        return logDir.resolve(TOPIC + "-0");
    }

    /**
     * Broker {@code id}'s replica of the partition as it is on disk: the bytes of its segment files
     * in offset order (their names are the zero-padded base offsets).
     */
    byte[] replicaLog(int id) {
        try (Stream<Path> files = Files.list(partitionDir(id))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (Path segment : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
                all.write(Files.readAllBytes(segment));
            }
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Broker {@code id}'s small first log dir in a {@link Layout#SMALL_FIRST_LOG_DIR} cluster. */
    SmallFilesystem smallLogDir(int id) {
        SmallFilesystem fs = smallLogDirs.get(id);
        if (fs == null) {
            throw new IllegalStateException("broker " + id + " has no small log dir in this cluster");
        }
        return fs;
    }

    /** The broker id in /controller; fails when no controller is elected. */
    int controller() {
        return zk.controller().orElseThrow(() -> new AssertionError("no controller in /controller"));
    }

    /** Whether every partition of the consumer offsets topic (once it exists) has all three replicas in sync. */
    boolean offsetsTopicInSync() {
        int partitions = zk.partitionCount(OFFSETS_TOPIC);
        for (int p = 0; p < partitions; p++) {
            PartitionState s = zk.partitionState(OFFSETS_TOPIC, p).orElse(null);
            if (s == null || s.isr().size() != BROKERS) {
                return false;
            }
        }
        return true;
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        zk.close();
        closeAll(cluster, smallLogDirs);
    }
}
