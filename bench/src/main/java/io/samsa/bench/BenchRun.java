package io.samsa.bench;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The whole side-by-side run: for each repetition, each broker kind in turn (alternating which
 * goes first) gets, per cluster size its workloads need, a fresh ZooKeeper, fresh brokers with
 * empty data, the topics, and then those workloads in order, each driven by each selected client
 * that has a tool for it (alternating which client goes first; both write to the same topic), W3
 * reading the records W1 wrote. Only one deployment and one tool run at a time. A workload
 * that fails is reported FAILED with its reason and is not retried on that broker with that client
 * in later repetitions (a broker or client that lacks a feature would only fail again, slowly); the
 * others carry on. Not thread-safe.
 */
public final class BenchRun {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);

    private final BenchSetup setup;
    private final BenchOptions options;
    private final List<Workload> workloads;
    private final List<RunResult> results = new ArrayList<>();
    /** Per broker, the (workload, client) pairs that failed, as {@link #key}, and in which repetition. */
    private final Map<BrokerKind, Map<String, Integer>> failedIn = new EnumMap<>(BrokerKind.class);
    /** Per broker, the JVM options it ran with, as read from its command line. */
    private final Map<BrokerKind, String> jvmOptions = new EnumMap<>(BrokerKind.class);

    public BenchRun(BenchSetup setup, BenchOptions options) {
        this.setup = setup;
        this.options = options;
        this.workloads = options.selectedWorkloads();
    }

    public List<Workload> workloads() {
        return workloads;
    }

    /** Each broker's {@code -X} JVM options as seen on its command line (heap, GC, JIT). */
    public Map<BrokerKind, String> jvmOptions() {
        return jvmOptions;
    }

    public List<RunResult> execute() throws IOException {
        for (int rep = 1; rep <= options.repetitions(); rep++) {
            for (BrokerKind kind : options.brokerOrder(rep)) {
                runBroker(kind, rep);
            }
        }
        return results;
    }

    private void runBroker(BrokerKind kind, int rep) throws IOException {
        // One deployment per cluster size: one broker for W1-W4, three for the replicated workloads.
        Map<Integer, List<Workload>> bySize = new TreeMap<>();
        for (Workload w : workloads) {
            bySize.computeIfAbsent(w.brokers(), k -> new ArrayList<>()).add(w);
        }
        for (Map.Entry<Integer, List<Workload>> e : bySize.entrySet()) {
            runDeployment(kind, rep, e.getKey(), e.getValue());
        }
    }

    private void runDeployment(BrokerKind kind, int rep, int size, List<Workload> group) throws IOException {
        String name = size == 1 ? kind.id() : kind.id() + "-" + size + "-brokers";
        Path dir = setup.runDir().resolve(String.format(Locale.ROOT, "rep%d-%s", rep, name));
        BenchLog.info("repetition " + rep + ": starting ZooKeeper and " + size + " " + kind.id() + " broker(s) in " + dir);
        ZooKeeperProcess zk;
        try {
            zk = ZooKeeperProcess.start(setup, dir.resolve("zookeeper"));
        } catch (IllegalStateException e) {
            failEverything(kind, rep, size, group, e.getMessage());
            return;
        }
        try (zk) {
            BrokerCluster cluster;
            try {
                cluster = BrokerCluster.start(kind, size, setup, dir, zk.connectString(), START_TIMEOUT);
            } catch (IllegalStateException e) {
                failEverything(kind, rep, size, group, "broker did not start: " + e.getMessage());
                return;
            }
            try (cluster) {
                runWorkloads(cluster, rep, group);
            }
        } finally {
            if (!options.keepData()) {
                for (int id = 0; id < size; id++) {
                    deleteTree(dir.resolve(size == 1 ? "broker" : "broker-" + id).resolve("data"));
                }
                deleteTree(dir.resolve("zookeeper/data"));
            }
        }
    }

    private void runWorkloads(BrokerCluster cluster, int rep, List<Workload> group) {
        BrokerKind kind = cluster.kind();
        if (cluster.size() == 1) {
            BrokerProcess broker = cluster.first();
            try {
                jvmOptions.putIfAbsent(kind, ProcFs.jvmOptions(broker.pid()));
                results.add(startupResult(broker, rep));
            } catch (IOException e) {
                results.add(RunResult.failed(Workloads.STARTUP, kind, rep, "cannot read /proc of the broker: " + e));
            }
        }
        try {
            TopicSetup.create(cluster.bootstrapServers(), group, TOPIC_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failWorkloads(kind, rep, group, "interrupted while creating the topics");
            return;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            failWorkloads(kind, rep, group, "creating the topics failed: " + e);
            return;
        }
        // Per workload, whether some client's run of it succeeded in this deployment.
        Map<String, Boolean> okThisRun = new HashMap<>();
        for (Workload w : group) {
            for (ClientKind client : clientsFor(w, rep)) {
                RunResult r;
                try {
                    r = runWorkload(w, client, cluster, rep, okThisRun);
                } catch (IOException e) {
                    r = RunResult.failed(w.id(), kind, client, rep, "harness error: " + e);
                }
                okThisRun.merge(w.id(), r.succeeded(), Boolean::logicalOr);
                if (!r.succeeded()) {
                    failedIn.computeIfAbsent(kind, k -> new HashMap<>()).putIfAbsent(key(w, client), rep);
                }
                results.add(r);
                BenchLog.info("repetition " + rep + " " + kind.id() + " " + w.id() + " " + client.label() + ": " + brief(r));
            }
        }
    }

    /** The selected clients that have a tool for {@code w}, in this repetition's order. */
    private List<ClientKind> clientsFor(Workload w, int rep) {
        List<ClientKind> clients = new ArrayList<>();
        for (ClientKind c : options.clientOrder(rep)) {
            if (PerfToolCommands.mainClass(w, c) != null) {
                clients.add(c);
            } else {
                BenchLog.once(w.id() + ": " + c.label() + " has no " + w.kind() + " perf tool yet; not run with it");
            }
        }
        return clients;
    }

    private static String key(Workload w, ClientKind client) {
        return w.id() + "/" + client.id();
    }

    private RunResult runWorkload(Workload w, ClientKind client, BrokerCluster cluster, int rep,
                                  Map<String, Boolean> okThisRun) throws IOException {
        BrokerKind kind = cluster.kind();
        Integer earlier = failedIn.getOrDefault(kind, Map.of()).get(key(w, client));
        if (earlier != null) {
            return RunResult.failed(w.id(), kind, client, rep, "not retried: failed in repetition " + earlier);
        }
        if (w.kind() == Workload.Kind.CONSUME) {
            Workload source = Workloads.source(w, workloads);
            if (source != null && !okThisRun.getOrDefault(source.id(), false)) {
                return RunResult.failed(w.id(), kind, client, rep, "reads " + source.id() + "'s records, and "
                        + source.id() + " failed");
            }
        }
        BenchLog.info("repetition " + rep + " " + kind.id() + " " + w.id() + " " + client.label() + ": " + w.records()
                + " records ...");
        return WorkloadRunner.run(w, client, cluster, rep, setup, Duration.ofSeconds(options.deadlineSeconds()));
    }

    private RunResult startupResult(BrokerProcess broker, int rep) throws IOException {
        Map<Metric, Double> f = new EnumMap<>(Metric.class);
        f.put(Metric.STARTUP_MS, broker.startupMillis());
        f.put(Metric.BROKER_CPU_S, ProcFs.cpuSeconds(broker.pid()));
        f.put(Metric.BROKER_PEAK_RSS_MIB, ProcFs.peakRssKib(broker.pid()) / 1024.0);
        RunResult r = RunResult.ok(Workloads.STARTUP, broker.kind(), rep, f);
        BenchLog.info("repetition " + rep + " " + broker.kind().id() + " answered after "
                + String.format(Locale.ROOT, "%.0f ms", broker.startupMillis()));
        return r;
    }

    private void failEverything(BrokerKind kind, int rep, int size, List<Workload> group, String reason) {
        BenchLog.info("repetition " + rep + " " + kind.id() + ": " + reason);
        if (size == 1) {
            results.add(RunResult.failed(Workloads.STARTUP, kind, rep, reason));
        }
        failWorkloads(kind, rep, group, reason);
    }

    private void failWorkloads(BrokerKind kind, int rep, List<Workload> group, String reason) {
        for (Workload w : group) {
            for (ClientKind client : clientsFor(w, rep)) {
                results.add(RunResult.failed(w.id(), kind, client, rep, reason));
            }
        }
    }

    private static String brief(RunResult r) {
        if (!r.succeeded()) {
            return "FAILED: " + r.failure();
        }
        StringBuilder sb = new StringBuilder("ok");
        for (Metric m : List.of(Metric.RECORDS_PER_SEC, Metric.MB_PER_SEC, Metric.LATENCY_P99_MS, Metric.BROKER_CPU_S,
                Metric.CLIENT_CPU_S)) {
            Double v = r.figures().get(m);
            if (v != null) {
                sb.append(", ").append(m.label()).append(' ').append(ReportTable.value(v));
            }
        }
        return sb.toString();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
