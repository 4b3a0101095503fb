package io.samsa.core.controller;

import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.samsa.common.MockTime;
import io.samsa.common.TopicPartition;
import io.samsa.core.admin.ReplicaAssignor;
import io.samsa.core.admin.TopicAdmin;
import io.samsa.testkit.Wait;
import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.zk.BrokerInfo;
import io.samsa.zk.BrokerRegistration;
import io.samsa.zk.EndPoint;
import io.samsa.zk.PartitionState;
import io.samsa.zk.SamsaZkClient;
import io.samsa.zk.ZkClientSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.slf4j.LoggerFactory;

/**
 * An embedded ZooKeeper and N brokers reduced to what the controller sees: each has its own
 * ZooKeeper session, registration, {@link Controller} and {@link RecordingChannel}.
 */
public final class ControllerTestCluster implements AutoCloseable {

    static final int SESSION_TIMEOUT_MS = 6_000;

    static {
        ((Logger) LoggerFactory.getLogger("org.apache.zookeeper")).setLevel(Level.ERROR);
        ((Logger) LoggerFactory.getLogger("org.apache.curator")).setLevel(Level.ERROR);
        ((Logger) LoggerFactory.getLogger("io.netty")).setLevel(Level.WARN);
    }

    /** One broker as the controller module sees it. */
    final class Broker implements AutoCloseable {
        final int id;
        final SamsaZkClient zk;
        final BrokerRegistration registration;
        final RecordingChannel channel = new RecordingChannel();
        final BrokerMetrics metrics = new BrokerMetrics();
        final Controller controller;

        Broker(int id) throws InterruptedException {
            this.id = id;
            this.zk = connect();
            this.registration = new BrokerRegistration(zk, BrokerInfo.forRegistration(id,
                    List.of(EndPoint.plaintext("127.0.0.1", 19_000 + id)), null, time.milliseconds()));
            registration.start();
            if (!registration.awaitRegistered(10, TimeUnit.SECONDS)) {
                fail("broker " + id + " did not register");
            }
            this.controller = new Controller(ControllerConfig.defaults(id), zk, channel, time, metrics);
            controller.start();
        }

        @Override
        public void close() {
            controller.close();
            registration.close();
            zk.close();
        }
    }

    final MockTime time = new MockTime();
    final TestingServer server;
    /** A separate session for the test's own reads and admin writes. */
    public final SamsaZkClient admin;
    final TopicAdmin topicAdmin;
    final Map<Integer, Broker> brokers = new TreeMap<>();

    public ControllerTestCluster() throws Exception {
        server = new TestingServer(-1, true);
        admin = connect();
        topicAdmin = new TopicAdmin(admin, new ReplicaAssignor(new Random(42)));
    }

    SamsaZkClient connect() {
        return SamsaZkClient.connect(new ZkClientSettings(server.getConnectString(), SESSION_TIMEOUT_MS, SESSION_TIMEOUT_MS), time);
    }

    Broker start(int id) throws InterruptedException {
        Broker b = new Broker(id);
        brokers.put(id, b);
        return b;
    }

    /** Starts broker {@code first} and waits until it is controller, then the others (so {@code first} is controller). */
    void startWithController(int first, int... others) throws InterruptedException {
        start(first);
        Wait.until("broker " + first + " becomes controller", () -> brokers.get(first).controller.isActive());
        for (int id : others) {
            start(id);
        }
        Wait.until("controller sees every broker", () -> controller().controller.query(c -> c.liveBrokerIds().size()).join() == brokers.size());
    }

    /** Stops a broker cleanly: its session closes, so its registration vanishes at once. */
    void stop(int id) {
        brokers.remove(id).close();
    }

    Broker controller() {
        for (Broker b : brokers.values()) {
            if (b.controller.isActive()) {
                return b;
            }
        }
        fail("no active controller");
        return null;
    }

    Optional<PartitionState> state(String topic, int partition) {
        return admin.partitionStates().get(new TopicPartition(topic, partition));
    }

    void awaitState(String topic, int partition, java.util.function.Predicate<PartitionState> condition, String what) {
        Wait.until(topic + "-" + partition + " " + what, () -> state(topic, partition).map(condition::test).orElse(false));
    }

    @Override
    public void close() throws Exception {
        for (Broker b : brokers.values()) {
            b.close();
        }
        brokers.clear();
        admin.close();
        server.close();
    }
}
