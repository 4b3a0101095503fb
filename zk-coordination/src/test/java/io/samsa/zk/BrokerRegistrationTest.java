package io.samsa.zk;

import io.samsa.testkit.Wait;
import static io.samsa.zk.ZkTestSupport.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BrokerRegistrationTest {

    private static final BrokerInfo BROKER_1 = BrokerInfo.forRegistration(1, List.of(EndPoint.plaintext("127.0.0.1", 9092)), "r1", 0L);

    private TestingServer server;
    private SamsaZkClient zk;

    @BeforeEach
    void setUp() throws Exception {
        server = ZkTestSupport.newServer();
        zk = connect(server);
    }

    @AfterEach
    void tearDown() throws Exception {
        zk.close();
        server.close();
    }

    @Test
    void registersAnEphemeralZnodeOwnedByItsSession() throws Exception {
        try (BrokerRegistration registration = new BrokerRegistration(zk, BROKER_1)) {
            registration.start();
            assertTrue(registration.awaitRegistered(10, TimeUnit.SECONDS));
            Stat stat = zk.exists(BrokerIdsZNode.path(1), null);
            assertEquals(zk.sessionId(), stat.getEphemeralOwner());
            assertEquals(stat.getCzxid(), registration.brokerEpoch());
            BrokerInfo read = zk.brokers().get(1).orElseThrow();
            assertTrue(read.sameAddressAs(BROKER_1));
            assertEquals(stat.getCzxid(), read.epoch());
            assertTrue(read.timestamp() > 0, "the registration time is stamped");
            assertEquals(List.of(1), zk.brokers().ids(null));
        }
        assertNull(zk.exists(BrokerIdsZNode.path(1), null), "closing deregisters");
    }

    @Test
    void waitsForTheStaleRegistrationOfAPreviousRunThenRegisters() throws Exception {
        SamsaZkClient previousRun = connect(server);
        previousRun.curator().create().withMode(CreateMode.EPHEMERAL).forPath(BrokerIdsZNode.path(1), BrokerIdsZNode.encode(BROKER_1));
        try (CapturingAppender logs = new CapturingAppender(BrokerRegistration.class);
             BrokerRegistration registration = new BrokerRegistration(zk, BROKER_1)) {
            registration.start();
            Wait.until("the waiting line is logged", () -> logs.count("still registered") == 1);
            assertFalse(registration.isRegistered());
            previousRun.close(); // its session ends: the stale znode goes away
            assertTrue(registration.awaitRegistered(10, TimeUnit.SECONDS));
            assertEquals(zk.sessionId(), zk.exists(BrokerIdsZNode.path(1), null).getEphemeralOwner());
            assertEquals(1, logs.count("still registered"), "exactly one line while waiting");
            assertEquals(0, logs.count("another live broker"));
        }
    }

    @Test
    void beforeListeningWaitsWhileAnEarlierProcessAtTheSameAddressIsRegistered() throws Exception {
        SamsaZkClient previousRun = connect(server);
        previousRun.curator().create().withMode(CreateMode.EPHEMERAL).forPath(BrokerIdsZNode.path(1), BrokerIdsZNode.encode(BROKER_1));
        try (CapturingAppender logs = new CapturingAppender(BrokerRegistration.class)) {
            CompletableFuture<Void> waited = CompletableFuture.runAsync(() -> {
                try {
                    BrokerRegistration.awaitEarlierProcessGone(zk, BROKER_1, 60_000);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Wait.until("the waiting line is logged", () -> logs.count("not listening until") == 1);
            assertFalse(waited.isDone(), "still waiting while the earlier registration stands");
            // What the controller does once the dead process's address refuses connections.
            previousRun.curator().delete().forPath(BrokerIdsZNode.path(1));
            waited.get(10, TimeUnit.SECONDS);
        } finally {
            previousRun.close();
        }
    }

    @Test
    void beforeListeningDoesNotWaitForABrokerAtOtherAddressesNorForAFreeId() throws Exception {
        BrokerRegistration.awaitEarlierProcessGone(zk, BROKER_1, 60_000);
        SamsaZkClient intruder = connect(server);
        BrokerInfo other = BrokerInfo.forRegistration(1, List.of(EndPoint.plaintext("10.0.0.9", 9092)), null, 0L);
        intruder.curator().create().withMode(CreateMode.EPHEMERAL).forPath(BrokerIdsZNode.path(1), BrokerIdsZNode.encode(other));
        try {
            long start = System.nanoTime();
            BrokerRegistration.awaitEarlierProcessGone(zk, BROKER_1, 60_000);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "returned without waiting for the session");
        } finally {
            intruder.close();
        }
    }

    @Test
    void waitsWithAClearLineWhenAnotherBrokerHoldsTheId() throws Exception {
        SamsaZkClient intruder = connect(server);
        BrokerInfo other = BrokerInfo.forRegistration(1, List.of(EndPoint.plaintext("10.0.0.9", 9092)), null, 0L);
        intruder.curator().create().withMode(CreateMode.EPHEMERAL).forPath(BrokerIdsZNode.path(1), BrokerIdsZNode.encode(other));
        try (CapturingAppender logs = new CapturingAppender(BrokerRegistration.class);
             BrokerRegistration registration = new BrokerRegistration(zk, BROKER_1)) {
            registration.start();
            Wait.until("the waiting line is logged", () -> logs.count("another live broker") == 1);
            assertTrue(logs.events.stream().anyMatch(e -> e.getFormattedMessage().contains("10.0.0.9")));
            intruder.expireSession();
            assertTrue(registration.awaitRegistered(10, TimeUnit.SECONDS));
            assertEquals(1, logs.count("another live broker"));
        } finally {
            intruder.close();
        }
    }

    @Test
    void registersAgainWithANewEpochAfterTheSessionExpires() throws Exception {
        try (BrokerRegistration registration = new BrokerRegistration(zk, BROKER_1)) {
            registration.start();
            assertTrue(registration.awaitRegistered(10, TimeUnit.SECONDS));
            long firstEpoch = registration.brokerEpoch();
            long firstSession = zk.sessionId();
            zk.expireSession();
            Wait.until("re-registered", () -> registration.isRegistered() && registration.brokerEpoch() != firstEpoch);
            Stat stat = zk.exists(BrokerIdsZNode.path(1), null);
            assertNotEquals(firstSession, stat.getEphemeralOwner());
            assertEquals(zk.sessionId(), stat.getEphemeralOwner());
            assertEquals(stat.getCzxid(), registration.brokerEpoch());
        }
    }

    @Test
    void registersAgainIfTheZnodeIsDeletedUnderIt() throws Exception {
        try (BrokerRegistration registration = new BrokerRegistration(zk, BROKER_1)) {
            registration.start();
            assertTrue(registration.awaitRegistered(10, TimeUnit.SECONDS));
            long firstEpoch = registration.brokerEpoch();
            zk.curator().delete().forPath(BrokerIdsZNode.path(1));
            Wait.until("re-registered after deletion", () -> registration.brokerEpoch() > firstEpoch);
        }
    }

    @Test
    void replacesItsOwnRegistrationThatARestartedServerRestoredWithoutWaitingForIt() throws Exception {
        try (CapturingAppender logs = new CapturingAppender(BrokerRegistration.class);
             BrokerRegistration registration = new BrokerRegistration(zk, BROKER_1)) {
            registration.start();
            assertTrue(registration.awaitRegistered(10, TimeUnit.SECONDS));
            long firstSession = zk.sessionId();

            // ZooKeeper is down longer than the session timeout: the client gives its session up.
            server.stop();
            Wait.until("the client gives its session up", Duration.ofSeconds(30), () -> !registration.isRegistered());
            // The restarted server restores that session, and the znode with it, from its log.
            server.restart();

            assertTrue(registration.awaitRegistered(20, TimeUnit.SECONDS));
            Stat stat = zk.exists(BrokerIdsZNode.path(1), null);
            assertNotEquals(firstSession, stat.getEphemeralOwner());
            assertEquals(zk.sessionId(), stat.getEphemeralOwner());
            assertEquals(1, logs.count("its own earlier ZooKeeper session"), "the restored registration was replaced");
            assertEquals(0, logs.count("waiting for that session to expire"), "not waited for");
        }
    }
}
