package io.samsa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where things are and how JVMs are started: the Samsa installation (its {@code bin/} scripts and
 * {@code config/logback.xml}), the run directory, this JVM's own classpath (which holds Apache
 * Kafka's broker and tools), and the JVM options. Both brokers get the same heap and the same
 * performance options (Kafka's {@code kafka-run-class.sh} defaults, which Samsa's scripts share);
 * beyond those each runs as shipped, so Samsa keeps its script's JIT options
 * ({@code SAMSA_JVM_JIT_OPTS}, taken from the environment when set there). Every perf tool gets
 * the heap Kafka's perf-test scripts give it, and {@code toolExtraOptions} after the others (from
 * {@code SAMSA_BENCH_TOOL_OPTS}, for profiling, e.g.
 * {@code -XX:StartFlightRecording=filename=/tmp/jfr/,settings=profile}; empty in a normal run).
 * Immutable.
 */
public record BenchSetup(Path samsaHome, Path runDir, String brokerHeap, String toolExtraOptions) {

    public BenchSetup(Path samsaHome, Path runDir, String brokerHeap) {
        this(samsaHome, runDir, brokerHeap, "");
    }

    /** KAFKA_JVM_PERFORMANCE_OPTS's default, also SAMSA_JVM_PERFORMANCE_OPTS's. */
    public static final String JVM_PERFORMANCE_OPTS = "-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 "
            + "-XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true";
    /** kafka-producer-perf-test.sh and kafka-consumer-perf-test.sh set -Xmx512M. */
    public static final String TOOL_HEAP = "-Xmx512m";
    /** Tools log warnings and errors only, to stderr, so stdout holds just their results. */
    public static final String QUIET_LOGBACK = "io/samsa/bench/quiet-logback.xml";

    public Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** This JVM's classpath: the bench module's jar and its dependencies, Apache Kafka's included. */
    public String classpath() {
        return System.getProperty("java.class.path");
    }

    public Path script(String name) {
        return samsaHome.resolve("bin").resolve(name);
    }

    public Path brokerLogbackConfig() {
        return samsaHome.resolve("config/logback.xml");
    }

    /** The JVM options of either broker, heap first. */
    public List<String> brokerJvmOptions() {
        List<String> opts = new ArrayList<>(split(brokerHeap));
        opts.addAll(split(JVM_PERFORMANCE_OPTS));
        return opts;
    }

    /** A java command line running {@code mainClass} from this JVM's classpath with {@code options}. */
    public List<String> javaCommand(List<String> options, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java().toString());
        cmd.addAll(options);
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** A perf tool's command line: tool heap, the same performance options, quiet logging, stable number format. */
    public List<String> toolCommand(String mainClass, List<String> args) {
        List<String> opts = new ArrayList<>(split(TOOL_HEAP));
        opts.addAll(split(JVM_PERFORMANCE_OPTS));
        opts.add("-Dlogback.configurationFile=" + QUIET_LOGBACK);
        opts.add("-Duser.language=en");
        opts.add("-Duser.country=US");
        opts.addAll(split(toolExtraOptions));
        return javaCommand(opts, mainClass, args);
    }

    /** Checks that the Samsa installation has been built (bin/samsa-run-class.sh would otherwise build it mid-run). */
    public void verify() {
        if (!Files.isRegularFile(script("samsa-server-start.sh"))) {
            throw new IllegalStateException("No Samsa installation at " + samsaHome + " (bin/samsa-server-start.sh missing);"
                    + " set -Dsamsa.home");
        }
        Path lib = samsaHome.resolve("tools/target/lib");
        try (var files = Files.list(lib)) {
            if (files.noneMatch(p -> p.getFileName().toString().startsWith("samsa-tools-"))) {
                throw new IllegalStateException("Samsa is not built: no samsa-tools jar in " + lib);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Samsa is not built: cannot list " + lib, e);
        }
    }

    static List<String> split(String options) {
        String t = options.trim();
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
    }
}
