package io.samsa.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Runs one workload's perf tool against a running broker and turns the outcome into a
 * {@link RunResult}: the tool's figures plus the broker's CPU seconds (utime+stime delta over the
 * tool's run, also logged split by thread group, see {@link ThreadCpu}) and peak RSS (VmHWM, reset
 * just before the tool starts). A tool that fails, is
 * killed, prints no summary, or acknowledges or consumes fewer records than asked makes the run
 * FAILED with the reason. Stateless.
 */
public final class WorkloadRunner {

    private WorkloadRunner() {
    }

    public static RunResult run(Workload w, BrokerProcess broker, int rep, BenchSetup setup, Duration deadline)
            throws IOException {
        BrokerKind kind = broker.kind();
        if (!broker.isAlive()) {
            return RunResult.failed(w.id(), kind, rep, "broker is not running; log ends: " + broker.logTail(3));
        }
        long pid = broker.pid();
        if (!ProcFs.resetPeakRss(pid)) {
            // Then VmHWM is the peak since the broker started, which still bounds the workload's.
            BenchLog.once("cannot reset VmHWM through /proc/<pid>/clear_refs: peak RSS is measured since broker start");
        }
        double cpuBefore = ProcFs.cpuSeconds(pid);
        Map<String, Long> threadsBefore = ThreadCpu.ticksByGroup(pid);
        String base = w.id() + "-" + kind.id() + "-rep" + rep;
        Path out = setup.runDir().resolve(base + ".out");
        Path err = setup.runDir().resolve(base + ".err");
        ToolRun run = ToolRunner.run(setup.toolCommand(PerfToolCommands.mainClass(w),
                PerfToolCommands.args(w, broker.bootstrapServers())), out, err, deadline);
        if (!broker.isAlive()) {
            return RunResult.failed(w.id(), kind, rep, "broker exited during the workload; log ends: "
                    + broker.logTail(3));
        }
        Map<Metric, Double> measured = new EnumMap<>(Metric.class);
        double cpu = ProcFs.cpuSeconds(pid) - cpuBefore;
        measured.put(Metric.BROKER_CPU_S, cpu);
        long ticksPerSecond = ProcFs.clockTicksPerSecond();
        BenchLog.info(base + " broker CPU by thread: " + ThreadCpu.breakdown(threadsBefore, ThreadCpu.ticksByGroup(pid),
                Math.round(cpu * ticksPerSecond), ticksPerSecond, 5));
        measured.put(Metric.BROKER_PEAK_RSS_MIB, ProcFs.peakRssKib(pid) / 1024.0);
        measured.put(Metric.TOOL_WALL_S, run.wallSeconds());
        Interpretation result = interpret(w, run, deadline.toSeconds());
        if (result.failure() != null) {
            return RunResult.failed(w.id(), kind, rep, result.failure() + " (output: " + out + ", " + err + ")", measured);
        }
        measured.putAll(result.figures());
        return RunResult.ok(w.id(), kind, rep, measured);
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
