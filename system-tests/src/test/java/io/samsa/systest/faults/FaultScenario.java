package io.samsa.systest.faults;

import io.samsa.systest.faults.FaultCluster.Layout;
import io.samsa.systest.harness.BrokerKind;
import io.samsa.systest.harness.ClusterNetwork;
import io.samsa.systest.harness.ProcessCluster;
import io.samsa.systest.harness.ZkInspector;
import io.samsa.testkit.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs one fault scenario end to end: a fresh {@link FaultCluster}, the verifiable consumer in a
 * group, then the verifiable producer writing a bounded number of records at a bounded rate while
 * the scenario's {@link Faults} act on the brokers; then the producer must finish, an audit read
 * takes the log as it is, the consumer must reach its end, and the {@link DeliveryVerdict} decides.
 * The summary line is printed and added to the {@link ResultTable} whether or not the scenario
 * passed. Fault scripts drive the cluster through this object's methods, which also print a
 * timeline. Not thread-safe.
 */
final class FaultScenario {

    /** The faults of one scenario, acting while the producer writes. */
    @FunctionalInterface
    interface Faults {
        void inject(FaultScenario scenario);
    }

    /** Session expiry, then the controller's election and its requests to the brokers. */
    static final Duration FAILOVER = Duration.ofMillis(FaultCluster.SESSION_TIMEOUT_MS + 30_000);
    /** A restarted broker: start-up (after its old session expired), log recovery, catching up. */
    static final Duration RECOVERY = Duration.ofSeconds(120);
    private static final Duration PRODUCER_DEADLINE = Duration.ofMinutes(3);
    private static final Duration CONSUMER_DEADLINE = Duration.ofSeconds(90);

    private final String name;
    private final int count;
    private final FaultCluster cluster;
    private final VerifiableProducerRun producer;
    private final long startNanos = System.nanoTime();
    /** The same instant on the wall clock, which the tools' event timestamps use. */
    private final long startEpochMs = System.currentTimeMillis();
    private final List<Long> fullIsrMs = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> broken = new ArrayList<>();

    private FaultScenario(String name, int count, FaultCluster cluster, VerifiableProducerRun producer) {
        this.name = name;
        this.count = count;
        this.cluster = cluster;
        this.producer = producer;
    }

    /**
     * Runs the scenario {@code name} with {@code count} records at {@code ratePerSecond}; adds its
     * row to {@code table} and fails unless every guarantee held.
     */
    static ScenarioResult run(BrokerKind kind, String name, int count, int ratePerSecond, ResultTable table, Faults faults) {
        return run(kind, name, Layout.LOOPBACK, count, ratePerSecond, table, faults);
    }

    /** {@link #run(BrokerKind, String, int, int, ResultTable, Faults)} on a cluster laid out as {@code layout}. */
    static ScenarioResult run(BrokerKind kind, String name, Layout layout, int count, int ratePerSecond, ResultTable table,
            Faults faults) {
        String broker = kind.label();
        try (FaultCluster cluster = FaultCluster.start(kind, name, layout)) {
            System.out.printf("%n=== %s on %s (%s); files in %s%n", name, broker, FaultCluster.DESCRIPTION, cluster.processes().workDir());
            ClusterNetwork.Node clients = cluster.processes().network().clients();
            try (VerifiableConsumerRun consumer = VerifiableConsumerRun.start(clients, cluster.bootstrapServers(), FaultCluster.TOPIC,
                    "faults-group", cluster.processes().workDir())) {
                consumer.awaitAssigned(CONSUMER_DEADLINE);
                try (VerifiableProducerRun producer = VerifiableProducerRun.start(clients, cluster.bootstrapServers(),
                        FaultCluster.TOPIC, count, ratePerSecond, cluster.processes().workDir())) {
                    return new FaultScenario(name, count, cluster, producer).runWith(consumer, broker, table, faults);
                }
            }
        }
    }

    private ScenarioResult runWith(VerifiableConsumerRun consumer, String broker, ResultTable table, Faults faults) {
        Throwable failure = null;
        AuditRead.Result audit = null;
        try {
            log("producer started: " + count + " records");
            faults.inject(this);
            log("faults done, " + producer.ackedCount() + " acknowledged so far");
            producer.awaitFinished(PRODUCER_DEADLINE);
            log("producer finished");
            audit = AuditRead.read(cluster.bootstrapServers(), FaultCluster.TOPIC, 1, Duration.ofSeconds(60));
            consumer.awaitReached(audit.endOffsets(), CONSUMER_DEADLINE);
            consumer.stop(Duration.ofSeconds(60));
            log("consumer stopped at the audit's end offsets " + audit.endOffsets());
        } catch (RuntimeException | AssertionError e) {
            failure = e;
        }
        DeliveryVerdict verdict = DeliveryVerdict.of(count, producer.acks(), consumer.records(),
                audit == null ? List.of() : audit.records());
        List<String> problems = new ArrayList<>(verdict.violations());
        problems.addAll(broken);
        producer.errors().stream().limit(5).forEach(e -> problems.add("send failed: " + e));
        log(String.format(Locale.ROOT, "longest write gap %d ms, from +%.1f s", verdict.longestWriteGapMs(),
                (verdict.longestWriteGapStartMs() - startEpochMs) / 1000.0));
        if (verdict.redelivered() > 0) {
            notes.add(verdict.redelivered() + " redelivered to the consumer");
        }
        if (failure != null) {
            notes.add("FAILED: " + failure.getMessage().lines().findFirst().orElse("")
                    + (audit == null ? " (no audit read: lost counts what the consumer had not received by then)" : ""));
        } else if (!problems.isEmpty()) {
            notes.add("FAILED: " + problems.size() + " violations");
        }
        ScenarioResult result = new ScenarioResult(name, broker, verdict.acknowledged(), verdict.consumed(),
                verdict.lost().size(), verdict.duplicated().size(), verdict.longestWriteGapMs(),
                fullIsrMs.isEmpty() ? -1 : fullIsrMs.stream().mapToLong(Long::longValue).max().getAsLong() / 1000.0,
                String.join("; ", notes));
        System.out.println(result.summary());
        table.add(result);
        if (failure != null) {
            throw new AssertionError(name + " on " + broker + " failed (files in " + cluster.processes().workDir() + ")", failure);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(name + " on " + broker + " broke delivery guarantees (files in "
                    + cluster.processes().workDir() + "):\n  " + String.join("\n  ", problems));
        }
        return result;
    }

    // ---- what fault scripts use ----

    ProcessCluster processes() {
        return cluster.processes();
    }

    FaultCluster cluster() {
        return cluster;
    }

    PartitionWatch partition() {
        return cluster.partition();
    }

    VerifiableProducerRun producer() {
        return producer;
    }

    /** Waits until this fraction of the records is acknowledged. */
    void awaitAcked(double fraction) {
        int n = (int) Math.ceil(count * fraction);
        producer.awaitAcked(n, PRODUCER_DEADLINE);
        log(producer.ackedCount() + " acknowledged (waited for " + n + ")");
    }

    /** Waits for {@code n} more acknowledgements than there are now. */
    void awaitMoreAcked(int n) {
        int target = producer.ackedCount() + n;
        producer.awaitAcked(target, PRODUCER_DEADLINE);
        log(producer.ackedCount() + " acknowledged (waited for " + n + " more)");
    }

    void kill9(Collection<Integer> ids) {
        processes().kill9(ids);
        log("kill -9 of broker(s) " + ids + "; ZooKeeper state " + partition().state());
    }

    /** SIGTERM, which must shut the broker down cleanly (exit status 143). */
    void stop(int id) {
        int status = processes().stop(id);
        log("SIGTERM to broker " + id + ": exited with " + status + "; ZooKeeper state " + partition().state());
        if (status != 143) {
            throw new AssertionError("broker " + id + " exited with " + status + " after SIGTERM, not 143");
        }
    }

    /** Waits until the partition has a leader other than {@code old}; logs it with the time since {@code faultNanos}. */
    int awaitNewLeader(int old, long faultNanos) {
        ZkInspector.PartitionState s = partition().awaitLeaderOtherThan(old, FAILOVER);
        log("leader " + old + " -> " + s.leader() + " (epoch " + s.leaderEpoch() + ", ISR " + s.isr() + ") "
                + (System.nanoTime() - faultNanos) / 1_000_000 + " ms after the fault");
        return s.leader();
    }

    /**
     * Waits until the cluster has noticed that broker {@code id} is gone: its registration deleted
     * and the partition's ISR without it. Kafka refuses to start while its previous process's
     * registration stands.
     */
    void awaitGone(int id, long faultNanos) {
        Wait.until("broker " + id + "'s registration gone", FAILOVER, () -> !cluster.zk().isRegistered(id));
        ZkInspector.PartitionState s = partition().await("an ISR without broker " + id, FAILOVER, st -> !st.isr().contains(id));
        log("broker " + id + " unregistered and out of the ISR " + (System.nanoTime() - faultNanos) / 1_000_000
                + " ms after the fault: " + s);
    }

    void pause(int id) {
        processes().pause(id);
        log("SIGSTOP to broker " + id);
    }

    /**
     * Starts the given brokers (or SIGCONT when {@code resume}), waits until each is registered
     * under a new ZooKeeper session (after kill -9 the dead process's registration stands until its
     * session expires) and the partition's ISR is full again, and records how long that took from
     * the start or resume.
     */
    void recover(Collection<Integer> ids, boolean resume) {
        recover(ids, resume ? "SIGCONT to" : "started", id -> {
            if (resume) {
                processes().resume(id);
            } else {
                processes().startBroker(id);
            }
        });
    }

    /**
     * Ends the given brokers' fault with {@code action} (named {@code what} in the timeline), then
     * waits and records as {@link #recover(Collection, boolean)}: the brokers are registered under new
     * ZooKeeper sessions and the ISR is full.
     */
    void recover(Collection<Integer> ids, String what, IntConsumer action) {
        Map<Integer, OptionalLong> before = new TreeMap<>();
        ids.forEach(id -> before.put(id, cluster.zk().registrationSession(id)));
        long t0 = System.nanoTime();
        ids.forEach(action::accept);
        log(what + " broker(s) " + ids);
        Wait.until("broker(s) " + ids + " registered under new ZooKeeper sessions", RECOVERY, () -> ids.stream().allMatch(id -> {
            OptionalLong now = cluster.zk().registrationSession(id);
            return now.isPresent() && !now.equals(before.get(id));
        }));
        long ms = partition().awaitFullIsr(t0, RECOVERY);
        fullIsrMs.add(ms);
        log("ISR full again after " + ms + " ms: " + partition().state());
    }

    /** Waits until the producer has sent every record and exited cleanly, as the run does after the faults. */
    void awaitProducerFinished() {
        producer.awaitFinished(PRODUCER_DEADLINE);
        log("producer finished");
    }

    /**
     * After the producer finished: waits until every replica's log holds the same bytes. Followers
     * append the leader's batches as they are, so the replicas of a partition nobody writes to any
     * more match byte for byte once in sync; a replica that kept a tail the others lack (a torn write,
     * records it appended as a deposed leader) never does.
     */
    void awaitIdenticalReplicaLogs() {
        Map<Integer, Integer> sizes = new TreeMap<>();
        try {
            Wait.until("every replica's log identical, byte for byte", RECOVERY, () -> {
                Map<Integer, byte[]> logs = new TreeMap<>();
                processes().brokerIds().forEach(id -> logs.put(id, cluster.replicaLog(id)));
                logs.forEach((id, bytes) -> sizes.put(id, bytes.length));
                byte[] first = logs.values().iterator().next();
                return logs.values().stream().allMatch(b -> Arrays.equals(b, first));
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last sizes in bytes by broker " + sizes, e);
        }
        log("replica logs identical: " + sizes.values().iterator().next() + " bytes on each of " + sizes.keySet());
    }

    /** SIGKILL to the ZooKeeper server; the brokers' registrations are read first, for {@link #restartZooKeeper}. */
    Map<Integer, OptionalLong> killZooKeeper() {
        Map<Integer, OptionalLong> sessions = new TreeMap<>();
        processes().brokerIds().forEach(id -> sessions.put(id, cluster.zk().registrationSession(id)));
        processes().killZooKeeper();
        log("kill -9 of ZooKeeper; the brokers were registered under sessions " + sessions.values().stream()
                .map(o -> o.isPresent() ? Long.toHexString(o.getAsLong()) : "-").toList());
        return sessions;
    }

    /**
     * Starts ZooKeeper again on its port and data dir and waits until the cluster is whole: a
     * controller and every broker registered under a session whose client is connected (the server
     * restores the sessions it had, live or not, and expires those whose client does not come back
     * within their timeout; until then a stale /controller may stand), the ISR full. Records the
     * time from the restart.
     */
    void restartZooKeeper(Map<Integer, OptionalLong> sessionsBefore) {
        long t0 = System.nanoTime();
        processes().startZooKeeper();
        log("ZooKeeper started again on its port and data dir");
        Wait.until("a controller and every broker registered under a connected session", RECOVERY, () -> {
            Set<Long> connected = cluster.zk().connectedSessions();
            OptionalLong controllerSession = cluster.zk().controllerSession();
            if (controllerSession.isEmpty() || !connected.contains(controllerSession.getAsLong())) {
                return false;
            }
            return processes().brokerIds().stream().allMatch(id -> {
                OptionalLong session = cluster.zk().registrationSession(id);
                return session.isPresent() && connected.contains(session.getAsLong());
            });
        });
        long ms = partition().awaitFullIsr(t0, RECOVERY);
        fullIsrMs.add(ms);
        Map<Integer, String> kept = new TreeMap<>();
        processes().brokerIds().forEach(id -> kept.put(id,
                cluster.zk().registrationSession(id).equals(sessionsBefore.get(id)) ? "same session" : "new session"));
        log("cluster whole again after " + ms + " ms: controller " + cluster.controller() + ", registrations " + kept + ", "
                + partition().state());
    }

    /** Waits until every partition of __consumer_offsets has all replicas in sync, as a careful operator would between restarts. */
    void awaitOffsetsTopicInSync() {
        Wait.until(FaultCluster.OFFSETS_TOPIC + " fully in sync", RECOVERY, cluster::offsetsTopicInSync);
    }

    /**
     * Lets {@code period} pass with the cluster as it is. Not a wait for state: the time the producer
     * is given to get an acknowledgement it must not get.
     */
    void observe(Duration period) {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            LockSupport.parkNanos(end - System.nanoTime());
        }
    }

    /**
     * A scenario's own guarantee: when it does not hold the scenario goes on to its end (so the
     * verdict is complete) and then fails naming it.
     */
    void check(boolean holds, String guarantee) {
        if (!holds) {
            broken.add(guarantee);
            log("VIOLATED: " + guarantee);
        }
    }

    void note(String note) {
        notes.add(note);
        log(note);
    }

    /** A timeline line in the test output, seconds since the scenario began. */
    void log(String event) {
        System.out.printf(Locale.ROOT, "[%s +%6.1f s] %s%n", name, (System.nanoTime() - startNanos) / 1e9, event);
    }
}
