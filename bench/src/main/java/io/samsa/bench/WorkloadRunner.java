package io.samsa.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs one workload's perf tool, of one client, against a running deployment and turns the outcome
 * into a {@link RunResult}: the tool's figures plus the brokers' CPU seconds (utime+stime delta over
 * the tool's run, summed over the brokers, also logged split by thread group, see {@link ThreadCpu}),
 * their peak RSS (VmHWM, reset just before the tool starts; the largest broker's), and the client's
 * CPU seconds (the tool JVM's whole life, also logged by thread group). A tool that fails, is
 * killed, prints no summary, or acknowledges or consumes fewer records than asked makes the run
 * FAILED with the reason. Stateless.
 */
public final class WorkloadRunner {

    private WorkloadRunner() {
    }

    public static RunResult run(Workload w, ClientKind client, BrokerCluster cluster, int rep, BenchSetup setup,
                                Duration deadline) throws IOException {
        BrokerKind kind = cluster.kind();
        String mainClass = PerfToolCommands.mainClass(w, client);
        if (mainClass == null) {
            return RunResult.failed(w.id(), kind, client, rep, client.label() + " has no perf tool for " + w.kind() + " yet");
        }
        String dead = cluster.deadBroker();
        if (dead != null) {
            return RunResult.failed(w.id(), kind, client, rep, dead);
        }
        double cpuBefore = 0;
        Map<String, Long> threadsBefore = new HashMap<>();
        for (BrokerProcess b : cluster.brokers()) {
            if (!ProcFs.resetPeakRss(b.pid())) {
                // Then VmHWM is the peak since the broker started, which still bounds the workload's.
                BenchLog.once("cannot reset VmHWM through /proc/<pid>/clear_refs: peak RSS is measured since broker start");
            }
            cpuBefore += ProcFs.cpuSeconds(b.pid());
            ThreadCpu.ticksByGroup(b.pid()).forEach((g, t) -> threadsBefore.merge(g, t, Long::sum));
        }
        String base = baseName(w, kind, client, rep);
        Path out = setup.runDir().resolve(base + ".out");
        Path err = setup.runDir().resolve(base + ".err");
        ToolRun run = ToolRunner.run(setup.toolCommand(mainClass, PerfToolCommands.args(w, cluster.bootstrapServers())),
                out, err, deadline);
        dead = cluster.deadBroker();
        if (dead != null) {
            return RunResult.failed(w.id(), kind, client, rep, "a broker exited during the workload: " + dead);
        }
        Map<Metric, Double> measured = new EnumMap<>(Metric.class);
        double cpuAfter = 0;
        double peakRssKib = 0;
        Map<String, Long> threadsAfter = new HashMap<>();
        for (BrokerProcess b : cluster.brokers()) {
            cpuAfter += ProcFs.cpuSeconds(b.pid());
            ThreadCpu.ticksByGroup(b.pid()).forEach((g, t) -> threadsAfter.merge(g, t, Long::sum));
            peakRssKib = Math.max(peakRssKib, ProcFs.peakRssKib(b.pid()));
        }
        double cpu = cpuAfter - cpuBefore;
        measured.put(Metric.BROKER_CPU_S, cpu);
        long ticksPerSecond = ProcFs.clockTicksPerSecond();
        BenchLog.info(base + " broker CPU by thread" + (cluster.size() > 1 ? " (all " + cluster.size() + " brokers)" : "") + ": "
                + ThreadCpu.breakdown(threadsBefore, threadsAfter, Math.round(cpu * ticksPerSecond), ticksPerSecond, 5));
        // With several brokers: the largest broker's peak, comparable to a one-broker figure.
        measured.put(Metric.BROKER_PEAK_RSS_MIB, peakRssKib / 1024.0);
        measured.put(Metric.TOOL_WALL_S, run.wallSeconds());
        if (!Double.isNaN(run.cpuSeconds())) {
            measured.put(Metric.CLIENT_CPU_S, run.cpuSeconds());
            BenchLog.info(base + " client (" + client.label() + ") CPU " + ReportTable.value(run.cpuSeconds()) + " s, by thread (sampled up to 0.25 s before it exited): "
                    + ThreadCpu.breakdown(Map.of(), run.threadTicks(), Math.round(run.cpuSeconds() * ticksPerSecond),
                    ticksPerSecond, 6));
        }
        Interpretation result = interpret(w, run, deadline.toSeconds());
        if (result.failure() != null) {
            return RunResult.failed(w.id(), kind, client, rep, result.failure() + " (output: " + out + ", " + err + ")",
                    measured);
        }
        measured.putAll(result.figures());
        return RunResult.ok(w.id(), kind, client, rep, measured);
    }

    /** The run's file and log name: {@code W1-samsa-rep1} for kafka-clients, {@code W1-samsa-rep1-samsa-client} for Samsa's. */
    static String baseName(Workload w, BrokerKind kind, ClientKind client, int rep) {
        String base = w.id() + "-" + kind.id() + "-rep" + rep;
        return client == ClientKind.KAFKA ? base : base + "-" + client.id() + "-client";
    }

    /** A tool run read against its workload: the tool's figures, or why the run counts as failed. */
    record Interpretation(Map<Metric, Double> figures, String failure) {
        static Interpretation failed(String reason) {
            return new Interpretation(Map.of(), reason);
        }
    }

    static Interpretation interpret(Workload w, ToolRun run, double deadlineSeconds) {
        String abnormal = run.abnormalEnd(deadlineSeconds);
        if (abnormal != null) {
            return Interpretation.failed(abnormal);
        }
        try {
            switch (w.kind()) {
                case PRODUCE -> {
                    ProducerPerformanceOutput p = ProducerPerformanceOutput.parse(run.stdout());
                    if (p.records() != w.records()) {
                        return Interpretation.failed("only " + p.records() + " of " + w.records()
                                + " records acknowledged; " + run.explain());
                    }
                    return new Interpretation(p.figures(), null);
                }
                case CONSUME -> {
                    ConsumerPerformanceOutput c = ConsumerPerformanceOutput.parse(run.stdout());
                    if (c.stoppedEarly() || c.records() < w.records()) {
                        return Interpretation.failed("consumed " + c.records() + " of " + w.records()
                                + " records before giving up; " + run.explain());
                    }
                    return new Interpretation(c.figures(), null);
                }
                case END_TO_END -> {
                    return new Interpretation(EndToEndLatencyOutput.parse(run.stdout()).figures(), null);
                }
                default -> throw new AssertionError(w.kind());
            }
        } catch (ToolOutputException e) {
            return Interpretation.failed(e.getMessage() + "; " + run.explain());
        }
    }
}
