package io.samsa.systest.harness;

import io.samsa.testkit.Wait;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real deployment in separate processes, started through the project's own bin/ scripts: one
 * ZooKeeper server and N brokers, each with its own generated properties file, data directory,
 * loopback ports and log file under target/. Brokers can be killed with SIGKILL, stopped with
 * SIGTERM and restarted with the same identity. Not thread-safe.
 */
public final class ProcessCluster implements AutoCloseable {

    public static final Path HOME = Path.of(System.getProperty("samsa.home", "..")).toAbsolutePath().normalize();

    private final Path workDir;
    private final int zkPort;
    private final int sessionTimeoutMs;
    private final Map<Integer, Integer> brokerPorts = new TreeMap<>();
    private final Map<Integer, Map<String, String>> brokerOverrides = new LinkedHashMap<>();
    private final Map<Integer, Process> brokers = new TreeMap<>();
    private Process zookeeper;

    public ProcessCluster(String name, int brokerCount, int sessionTimeoutMs) {
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

    public Path workDir() {
        return workDir;
    }

    public String zkConnect() {
        return "127.0.0.1:" + zkPort;
    }

    public String bootstrapServers() {
        List<String> s = new ArrayList<>();
        for (int port : brokerPorts.values()) {
            s.add("127.0.0.1:" + port);
        }
        return String.join(",", s);
    }

    public int brokerPort(int id) {
        return brokerPorts.get(id);
    }

    public void setBrokerConfig(int id, String key, String value) {
        brokerOverrides.get(id).put(key, value);
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

    public void startZooKeeper() {
        Path dir = workDir.resolve("zookeeper");
        Path props = workDir.resolve("zookeeper.properties");
        write(props, "dataDir=" + dir + "\nclientPort=" + zkPort + "\nclientPortAddress=127.0.0.1\nmaxClientCnxns=0\n"
                + "admin.enableServer=false\ntickTime=500\nminSessionTimeout=1000\n");
        zookeeper = launch("zookeeper", List.of(HOME.resolve("bin/zookeeper-server-start.sh").toString(), props.toString()));
        Wait.until("ZooKeeper listening on " + zkPort, Duration.ofSeconds(60), () -> Ports.isListening(zkPort));
    }

    public Path brokerConfigFile(int id) {
        return workDir.resolve("server-" + id + ".properties");
    }

    public Path brokerLogDir(int id) {
        return workDir.resolve("broker-" + id + "-data");
    }

    public void startBroker(int id) {
        StringBuilder sb = new StringBuilder();
        sb.append("broker.id=").append(id).append('\n')
                .append("listeners=PLAINTEXT://127.0.0.1:").append(brokerPorts.get(id)).append('\n')
                .append("log.dirs=").append(brokerLogDir(id)).append('\n')
                .append("zookeeper.connect=").append(zkConnect()).append('\n')
                .append("zookeeper.session.timeout.ms=").append(sessionTimeoutMs).append('\n')
                .append("num.partitions=1\noffsets.topic.replication.factor=1\ngroup.initial.rebalance.delay.ms=0\n")
                .append("num.network.threads=2\nnum.io.threads=4\n");
        brokerOverrides.get(id).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        write(brokerConfigFile(id), sb.toString());
        Process p = launch("broker-" + id, List.of(HOME.resolve("bin/samsa-server-start.sh").toString(),
                brokerConfigFile(id).toString()));
        brokers.put(id, p);
    }

    public void awaitBrokerListening(int id) {
        Process p = brokers.get(id);
        Wait.until("broker " + id + " listening", Duration.ofSeconds(90), () -> {
            if (!p.isAlive()) {
                throw new AssertionError("broker " + id + " exited with " + p.exitValue() + "; see " + logFile("broker-" + id));
            }
            return Ports.isListening(brokerPorts.get(id));
        });
    }

    public Process broker(int id) {
        return brokers.get(id);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or deregistered. */
    public void kill9(int id) {
        Process p = brokers.get(id);
        p.destroyForcibly();
        waitFor(p);
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

    private Process launch(String name, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        File log = logFile(name).toFile();
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        pb.environment().put("SAMSA_HEAP_OPTS", "-Xms128m -Xmx384m");
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
