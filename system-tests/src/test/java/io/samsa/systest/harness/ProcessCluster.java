package io.samsa.systest.harness;

import io.samsa.testkit.Wait;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real deployment in separate processes: one ZooKeeper server (the project's bin/ script) and N
 * brokers of one {@link BrokerKind} (Samsa through its bin/ script, or Apache Kafka 3.9.1), each with
 * its own generated properties file, data directory, port and log file under target/, on the
 * addresses of a {@link ClusterNetwork}: loopback unless another is given. Brokers can be killed
 * with SIGKILL, stopped with SIGTERM, paused with SIGSTOP and resumed with SIGCONT, and restarted
 * with the same identity; ZooKeeper can be killed and restarted on its port and data dir. The
 * network is the caller's to close. Not thread-safe.
 */
public final class ProcessCluster implements AutoCloseable {

    public static final Path HOME = Path.of(System.getProperty("samsa.home", "..")).toAbsolutePath().normalize();

    private final BrokerKind kind;
    private final ClusterNetwork network;
    private final Path workDir;
    private final int zkPort;
    private final int sessionTimeoutMs;
    private final Map<Integer, Integer> brokerPorts = new TreeMap<>();
    private final Map<Integer, Map<String, String>> brokerOverrides = new LinkedHashMap<>();
    private final Map<Integer, Process> brokers = new TreeMap<>();
    private Process zookeeper;

    /** A cluster of Samsa brokers. */
    public ProcessCluster(String name, int brokerCount, int sessionTimeoutMs) {
        this(BrokerKind.SAMSA, name, brokerCount, sessionTimeoutMs);
    }

    public ProcessCluster(BrokerKind kind, String name, int brokerCount, int sessionTimeoutMs) {
        this(kind, ClusterNetwork.LOOPBACK, name, brokerCount, sessionTimeoutMs);
    }

    public ProcessCluster(BrokerKind kind, ClusterNetwork network, String name, int brokerCount, int sessionTimeoutMs) {
        this.kind = kind;
        this.network = network;
        try {
            Path base = HOME.resolve("system-tests/target/clusters");
            Files.createDirectories(base);
            this.workDir = Files.createTempDirectory(base, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Never leave broker or ZooKeeper processes behind if the test JVM dies.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "process-cluster-cleanup"));
        this.zkPort = Ports.freePort();
        this.sessionTimeoutMs = sessionTimeoutMs;
        for (int id = 0; id < brokerCount; id++) {
            brokerPorts.put(id, Ports.freePort());
            brokerOverrides.put(id, new LinkedHashMap<>());
        }
    }

    public BrokerKind kind() {
        return kind;
    }

    /** Broker ids 0 to N-1. */
    public List<Integer> brokerIds() {
        return List.copyOf(brokerPorts.keySet());
    }

    public Path workDir() {
        return workDir;
    }

    public ClusterNetwork network() {
        return network;
    }

    public String zkConnect() {
        return network.zooKeeper().address() + ":" + zkPort;
    }

    public String bootstrapServers() {
        List<String> s = new ArrayList<>();
        brokerPorts.forEach((id, port) -> s.add(brokerHost(id) + ":" + port));
        return String.join(",", s);
    }

    public int brokerPort(int id) {
        return brokerPorts.get(id);
    }

    /** The address broker {@code id} listens on and advertises. */
    public String brokerHost(int id) {
        return network.broker(id).address();
    }

    /** {@code command} as launched where the network's clients run. */
    public List<String> clientCommand(List<String> command) {
        return network.clients().command(command);
    }

    /** Sets (or replaces) one key of broker {@code id}'s server.properties from its next start on. */
    public void setBrokerConfig(int id, String key, String value) {
        brokerOverrides.get(id).put(key, value);
    }

    /** {@link #setBrokerConfig} for every broker. */
    public void setBrokerConfig(String key, String value) {
        for (int id : brokerPorts.keySet()) {
            setBrokerConfig(id, key, value);
        }
    }

    public ProcessCluster start() {
        startZooKeeper();
        for (int id : brokerPorts.keySet()) {
            startBroker(id);
        }
        for (int id : brokerPorts.keySet()) {
            awaitBrokerListening(id);
        }
        return this;
    }

    /** Starts ZooKeeper, or starts it again on the same port and data dir after {@link #killZooKeeper}. */
    public void startZooKeeper() {
        Path dir = workDir.resolve("zookeeper");
        Path props = workDir.resolve("zookeeper.properties");
        String host = network.zooKeeper().address();
        // A short tick allows the tests' short sessions; without maxSessionTimeout (20 ticks by
        // default) a broker asking for Kafka's default 18 s would get 10 s.
        write(props, "dataDir=" + dir + "\nclientPort=" + zkPort + "\nclientPortAddress=" + host + "\nmaxClientCnxns=0\n"
                + "admin.enableServer=false\ntickTime=500\nminSessionTimeout=1000\nmaxSessionTimeout=60000\n"
                + "4lw.commands.whitelist=srvr,cons\n");
        zookeeper = launch("zookeeper", network.zooKeeper().command(
                List.of(HOME.resolve("bin/zookeeper-server-start.sh").toString(), props.toString())), BrokerKind.SAMSA.environment());
        Wait.until("ZooKeeper listening on " + host + ":" + zkPort, Duration.ofSeconds(60), () -> {
            if (!zookeeper.isAlive()) {
                throw new AssertionError("ZooKeeper exited with " + zookeeper.exitValue() + "; see " + logFile("zookeeper"));
            }
            return Ports.isListening(host, zkPort);
        });
    }

    /** SIGKILL to the ZooKeeper server; waits until the process is gone. */
    public void killZooKeeper() {
        zookeeper.destroyForcibly();
        waitFor(zookeeper);
    }

    public Path brokerConfigFile(int id) {
        return workDir.resolve("server-" + id + ".properties");
    }

    public Path brokerLogDir(int id) {
        return workDir.resolve("broker-" + id + "-data");
    }

    public void startBroker(int id) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("broker.id", Integer.toString(id));
        config.put("listeners", "PLAINTEXT://" + brokerHost(id) + ":" + brokerPorts.get(id));
        config.put("log.dirs", brokerLogDir(id).toString());
        config.put("zookeeper.connect", zkConnect());
        config.put("zookeeper.session.timeout.ms", Integer.toString(sessionTimeoutMs));
        config.put("num.partitions", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "4");
        config.putAll(brokerOverrides.get(id));
        StringBuilder sb = new StringBuilder();
        config.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        write(brokerConfigFile(id), sb.toString());
        brokers.put(id, launch("broker-" + id, network.broker(id).command(kind.command(brokerConfigFile(id))), kind.environment()));
    }

    public void awaitBrokerListening(int id) {
        Process p = brokers.get(id);
        Wait.until("broker " + id + " listening", Duration.ofSeconds(90), () -> {
            if (!p.isAlive()) {
                throw new AssertionError("broker " + id + " exited with " + p.exitValue() + "; see " + logFile("broker-" + id));
            }
            return Ports.isListening(brokerHost(id), brokerPorts.get(id));
        });
    }

    public Process broker(int id) {
        return brokers.get(id);
    }

    public boolean isRunning(int id) {
        Process p = brokers.get(id);
        return p != null && p.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or deregistered. */
    public void kill9(int id) {
        kill9(List.of(id));
    }

    /** SIGKILL to every one of {@code ids} before waiting for any, so that they die together. */
    public void kill9(Collection<Integer> ids) {
        for (int id : ids) {
            brokers.get(id).destroyForcibly();
        }
        for (int id : ids) {
            waitFor(brokers.get(id));
        }
    }

    /** SIGSTOP: the broker freezes with its sockets open and its ZooKeeper session unattended. */
    public void pause(int id) {
        signal(id, "STOP");
    }

    /** SIGCONT after {@link #pause}. */
    public void resume(int id) {
        signal(id, "CONT");
    }

    private void signal(int id, String signal) {
        // The bin/ scripts and ip netns exec exec the JVM, so the process we started is the broker itself.
        ExternalCommand.run(List.of("kill", "-" + signal, Long.toString(brokers.get(id).pid())), null,
                Duration.ofSeconds(10)).assertSuccess();
    }

    /** SIGTERM: the broker shuts down cleanly. */
    public int stop(int id) {
        Process p = brokers.get(id);
        p.destroy();
        return waitFor(p);
    }

    public Path logFile(String name) {
        return workDir.resolve(name + ".log");
    }

    public String brokerLog(int id) {
        try {
            return Files.readString(logFile("broker-" + id));
        } catch (IOException e) {
            return "";
        }
    }

    private static int waitFor(Process p) {
        try {
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return p.waitFor();
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private Process launch(String name, List<String> command, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        File log = logFile(name).toFile();
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        for (Process p : brokers.values()) {
            if (p.isAlive()) {
                p.destroyForcibly();
                waitFor(p);
            }
        }
        if (zookeeper != null && zookeeper.isAlive()) {
            zookeeper.destroyForcibly();
            waitFor(zookeeper);
        }
    }
}
