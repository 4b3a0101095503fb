package io.samsa.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/samsa-bench.sh}: benchmarks Samsa against Apache Kafka 3.9.1 on this machine in one
 * run, and Samsa's client against kafka-clients 3.9.1 where Samsa has a perf tool, and prints, per
 * workload, each (broker, client) pair's medians, the Samsa/Kafka ratios, and one
 * {@code BENCH {json}} line. Progress goes to standard error, the report to standard output.
 * Exit status: 0 when the run completed (failed workloads are in the report), 2 for a bad
 * command line, 1 when the harness itself could not run.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
            if (options == null) {
                BenchOptions.printHelp(System.out);
                return;
            }
        } catch (BenchOptions.UsageException | IOException e) {
            System.err.println("samsa-bench: " + e.getMessage() + " (see --help)");
            System.exit(2);
            return;
        }
        try {
            run(options, System.out);
        } catch (Exception e) {
            System.err.println("samsa-bench: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(BenchOptions options, PrintStream out) throws IOException {
        long start = System.nanoTime();
        Path home = Path.of(System.getProperty("samsa.home", ".")).toAbsolutePath().normalize();
        Path parent = options.workDir() != null ? options.workDir() : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(parent);
        Path runDir = Files.createTempDirectory(parent.toAbsolutePath(), "samsa-bench-");
        String toolOpts = System.getenv().getOrDefault("SAMSA_BENCH_TOOL_OPTS", "");
        BenchSetup setup = new BenchSetup(home, runDir, options.heap(), toolOpts);
        if (!toolOpts.isBlank()) {
            BenchLog.info("perf tools run with SAMSA_BENCH_TOOL_OPTS " + toolOpts + " (figures are not comparable to normal runs)");
        }
        setup.verify();
        BenchLog.info("run directory " + runDir + " (broker logs and perf tool output are kept there)");

        BenchRun run = new BenchRun(setup, options);
        List<RunResult> results = run.execute();
        double wallSeconds = (System.nanoTime() - start) / 1e9;

        List<WorkloadSummary> summaries = new ArrayList<>();
        summaries.add(WorkloadSummary.of(Workloads.STARTUP,
                "broker start: process start to the first Metadata response (CPU and peak RSS up to then)",
                options.brokers(), results));
        for (Workload w : run.workloads()) {
            summaries.add(WorkloadSummary.of(w.id(), title(w), options.brokers(), results));
        }
        out.println();
        out.println("Samsa vs Apache Kafka 3.9.1, " + (options.quick() ? "quick" : "full") + " run: "
                + options.repetitions() + " repetition(s), medians; broker heap " + options.heap() + "; "
                + Runtime.getRuntime().availableProcessors() + " cores; " + runDir);
        run.jvmOptions().forEach((kind, opts) -> out.println("  " + kind.id() + " JVM options: " + opts));
        if (options.clients().contains(ClientKind.SAMSA)) {
            out.println("  clients: " + ReportTable.CLIENT_LEGEND);
        }
        out.println();
        out.print(ReportTable.render(summaries, options.brokers()));
        for (WorkloadSummary s : summaries) {
            out.println(ReportJson.line(s, options.brokers()));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("workload", "run");
        summary.put("quick", options.quick());
        summary.put("repetitions", options.repetitions());
        summary.put("heap", options.heap());
        summary.put("clients", options.clients().stream().map(ClientKind::id).toList());
        Map<String, Object> jvm = new LinkedHashMap<>();
        run.jvmOptions().forEach((kind, opts) -> jvm.put(kind.id(), opts));
        summary.put("jvm_options", jvm);
        summary.put("cores", Runtime.getRuntime().availableProcessors());
        summary.put("wall_s", wallSeconds);
        summary.put("run_dir", runDir.toString());
        out.println(ReportJson.PREFIX + Json.write(summary));
        long wall = Math.round(wallSeconds);
        out.printf(Locale.ROOT, "Wall time: %d s (%d min %02d s)%n", wall, wall / 60, wall % 60);
    }

    private static String title(Workload w) {
        return w.title() + String.format(Locale.ROOT, "; %,d records", w.records());
    }
}
