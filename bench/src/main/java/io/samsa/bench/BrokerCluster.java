package io.samsa.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The brokers of one deployment under test, each its own {@link BrokerProcess} with broker ids
 * 0..n-1 on one ZooKeeper: one broker for W1-W4, three for the replicated workloads. Their CPU is
 * measured together, since replication work lands on every broker. Not thread-safe.
 */
public final class BrokerCluster implements AutoCloseable {

    private final BrokerKind kind;
    private final List<BrokerProcess> brokers;

    private BrokerCluster(BrokerKind kind, List<BrokerProcess> brokers) {
        this.kind = kind;
        this.brokers = brokers;
    }

    /**
     * Starts {@code size} brokers one after the other, data under {@code dir}/broker-i.
     *
     * @throws IllegalStateException if one does not start; those already started are stopped
     */
    public static BrokerCluster start(BrokerKind kind, int size, BenchSetup setup, Path dir, String zkConnect, Duration timeout)
            throws IOException {
        List<BrokerProcess> started = new ArrayList<>();
        try {
            for (int id = 0; id < size; id++) {
                Path brokerDir = size == 1 ? dir.resolve("broker") : dir.resolve("broker-" + id);
                started.add(BrokerProcess.start(kind, id, setup, brokerDir, zkConnect, timeout));
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(BrokerProcess::close);
            throw e;
        }
        return new BrokerCluster(kind, started);
    }

    public BrokerKind kind() {
        return kind;
    }

    public int size() {
        return brokers.size();
    }

    public List<BrokerProcess> brokers() {
        return brokers;
    }

    /** The first broker, which alone makes up a one-broker deployment. */
    public BrokerProcess first() {
        return brokers.get(0);
    }

    public String bootstrapServers() {
        List<String> all = new ArrayList<>();
        brokers.forEach(b -> all.add(b.bootstrapServers()));
        return String.join(",", all);
    }

    /** Null when every broker runs, else which one exited and how its log ends. */
    public String deadBroker() {
        for (int id = 0; id < brokers.size(); id++) {
            if (!brokers.get(id).isAlive()) {
                return "broker " + id + " is not running; log ends: " + brokers.get(id).logTail(3);
            }
        }
        return null;
    }

    @Override
    public void close() {
        brokers.forEach(BrokerProcess::close);
    }
}
