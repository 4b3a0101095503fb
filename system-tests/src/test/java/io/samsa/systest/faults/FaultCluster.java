package io.samsa.systest.faults;

import io.samsa.systest.harness.BrokerKind;
import io.samsa.systest.harness.ProcessCluster;
import io.samsa.systest.harness.ZkInspector;
import io.samsa.systest.harness.ZkInspector.PartitionState;
import io.samsa.testkit.Wait;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;

/**
 * A fresh three-broker cluster of one {@link BrokerKind} for one fault scenario, configured as the
 * scenarios need and as {@link #DESCRIPTION} says, holding one topic with a single partition
 * replicated on all three brokers. The topic's preferred leader is chosen so that it is not the
 * controller, which keeps "kill the leader" and "kill the controller" separate faults. Its
 * directory under target/clusters keeps the broker logs and the tools' output. Not thread-safe.
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

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final ProcessCluster cluster;
    private final ZkInspector zk;
    private final Admin admin;
    private final PartitionWatch partition;

    private FaultCluster(ProcessCluster cluster, ZkInspector zk, Admin admin) {
        this.cluster = cluster;
        this.zk = zk;
        this.admin = admin;
        this.partition = new PartitionWatch(zk, TOPIC, 0, Set.copyOf(cluster.brokerIds()));
    }

    static FaultCluster start(BrokerKind kind, String name) {
        ProcessCluster cluster = new ProcessCluster(kind, kind.label() + "-" + name, BROKERS, SESSION_TIMEOUT_MS);
        cluster.setBrokerConfig("default.replication.factor", "3");
        cluster.setBrokerConfig("offsets.topic.replication.factor", "3");
        cluster.setBrokerConfig("min.insync.replicas", "2");
        cluster.setBrokerConfig("replica.lag.time.max.ms", Integer.toString(REPLICA_LAG_TIME_MAX_MS));
        // Leadership moves only because of the faults, never by a periodic preferred-leader election.
        cluster.setBrokerConfig("auto.leader.rebalance.enable", "false");
        ZkInspector zk = null;
        Admin admin = null;
        try {
            cluster.start();
            zk = new ZkInspector(cluster.zkConnect());
            admin = admin(cluster.bootstrapServers());
            FaultCluster f = new FaultCluster(cluster, zk, admin);
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
            cluster.close();
            throw e;
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
        cluster.close();
    }
}
