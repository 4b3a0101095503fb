package io.samsa.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One broker under test in its own JVM: Samsa through {@code bin/samsa-server-start.sh} (which
 * execs the JVM, so the process we start is the broker), or Apache Kafka 3.9.1 as
 * {@code kafka.Kafka} from this JVM's classpath. Both read the same {@link BrokerConfigFile}, get
 * the same JVM options and log through Samsa's {@code config/logback.xml} to a file. Starting it
 * measures the time from process start to the first Metadata response. Not thread-safe.
 */
public final class BrokerProcess implements AutoCloseable {

    private static final long STOP_GRACE_SECONDS = 60;

    private final BrokerKind kind;
    private final Process process;
    private final int port;
    private final Path logFile;
    private double startupMillis;

    private BrokerProcess(BrokerKind kind, Process process, int port, Path logFile) {
        this.kind = kind;
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Starts the broker with its data under {@code dir} and waits until it answers.
     *
     * @throws IllegalStateException if it exits or does not answer within {@code timeout}
     */
    public static BrokerProcess start(BrokerKind kind, int brokerId, BenchSetup setup, Path dir, String zkConnect, Duration timeout)
            throws IOException {
        Files.createDirectories(dir);
        int port = Ports.freePort();
        Path props = dir.resolve("server.properties");
        Files.writeString(props, BrokerConfigFile.text(brokerId, port, dir.resolve("data"), zkConnect));
        Path log = dir.resolve(kind.id() + "-broker.log");
        ProcessBuilder pb = new ProcessBuilder(command(kind, setup, props));
        if (kind == BrokerKind.SAMSA) {
            Map<String, String> env = pb.environment();
            env.put("SAMSA_HEAP_OPTS", setup.brokerHeap());
            env.put("SAMSA_JVM_PERFORMANCE_OPTS", BenchSetup.JVM_PERFORMANCE_OPTS);
            env.put("SAMSA_LOG_CONFIG", setup.brokerLogbackConfig().toString());
            env.remove("SAMSA_OPTS");
        }
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        long t0 = System.nanoTime();
        BrokerProcess broker = new BrokerProcess(kind, ChildProcesses.track(pb.start()), port, log);
        try {
            ReadinessProbe.awaitReady(port, broker.process, timeout);
        } catch (IllegalStateException e) {
            String tail = broker.logTail(5);
            broker.close();
            throw new IllegalStateException(kind.id() + " " + e.getMessage() + "; log " + log + " ends: " + tail, e);
        }
        broker.startupMillis = (System.nanoTime() - t0) / 1e6;
        return broker;
    }

    static List<String> command(BrokerKind kind, BenchSetup setup, Path props) {
        if (kind == BrokerKind.SAMSA) {
            return List.of(setup.script("samsa-server-start.sh").toString(), props.toString());
        }
        List<String> opts = new ArrayList<>(setup.brokerJvmOptions());
        opts.add("-Dlogback.configurationFile=" + setup.brokerLogbackConfig());
        return setup.javaCommand(opts, "kafka.Kafka", List.of(props.toString()));
    }

    public BrokerKind kind() {
        return kind;
    }

    /** The broker JVM's pid: the script execs the JVM, so it is the pid we started. */
    public long pid() {
        return process.pid();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Process start to the first Metadata response that listed the broker, in milliseconds. */
    public double startupMillis() {
        return startupMillis;
    }

    public Path logFile() {
        return logFile;
    }

    /** The last {@code n} lines of the broker's log, joined by " / ". */
    public String logTail(int n) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(" / ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** SIGTERM (a clean shutdown), then SIGKILL after a minute. */
    @Override
    public void close() {
        ChildProcesses.stop(process, STOP_GRACE_SECONDS);
    }
}
