package io.samsa.tools.dumplog;

import io.samsa.core.log.LogFileNames;
import io.samsa.tools.cli.FailureMessages;
import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.Progress;
import io.samsa.tools.cli.Tool;
import io.samsa.tools.cli.ToolFailure;
import io.samsa.tools.cli.ToolRunner;
import io.samsa.tools.cli.UsageException;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/samsa-dump-log.sh}: Kafka's {@code kafka-dump-log} for the files a Samsa (or a
 * ZooKeeper-mode Kafka) broker keeps, read offline with the broker's own storage classes:
 * segments ({@link SegmentDumper}), offset and time indexes ({@link IndexDumper}) and producer
 * snapshots ({@link SnapshotDumper}); other files are ignored with a line on stderr, as Kafka
 * does. Like Kafka's tool it reports index mismatches and offset gaps on stderr after the dump.
 * Unlike it, a file it cannot read is one line ({@code samsa-dump-log: FILE: why}) and exit status
 * 1, after the other files have been dumped, and so is a problem found by
 * {@code --verify-index-only} or {@code --index-sanity-check}. The only tool allowed to use module
 * {@code core} (checked by a test). Stateless.
 */
public final class DumpLogCommand implements Tool<DumpLogOptions> {

    static final String NAME = "samsa-dump-log";

    public static void main(String[] args) {
        ToolRunner.main(new DumpLogCommand(), args);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DumpLogOptions parse(String[] args) throws UsageException {
        return DumpLogOptions.parse(args);
    }

    @Override
    public void printUsage(PrintStream out) {
        DumpLogOptions.printUsage(out);
    }

    @Override
    public boolean verbose(DumpLogOptions options) {
        return options.verbose();
    }

    @Override
    public void run(DumpLogOptions options, PrintStream out, PrintStream err) throws Exception {
        List<String> failures = new ArrayList<>();
        Map<String, List<IndexDumper.Problem>> indexProblems = new LinkedHashMap<>();
        Map<String, List<SegmentDumper.Gap>> gaps = new LinkedHashMap<>();
        boolean json = options.output() == OutputFormat.JSON;
        try (DumpOutput output = json ? DumpOutput.json(out, Progress.onTerminal(err))
                : DumpOutput.text(out, Progress.onTerminal(err))) {
            for (Path path : options.files()) {
                File file = path.toFile();
                String name = file.getName();
                String type = type(name);
                if (type == null) {
                    output.flush();
                    err.println("Ignoring unknown file " + path);
                    continue;
                }
                if (!file.isFile()) {
                    failures.add(path + ": no such file");
                    continue;
                }
                output.beginFile(path, type);
                try {
                    LogFileNames.offsetFromFileName(name);
                } catch (NumberFormatException e) {
                    failures.add(path + ": not a log file name (it should be its base offset, such as "
                            + "00000000000000000000" + name.substring(name.lastIndexOf('.')) + ")");
                    output.field(null, "error", "not a log file name");
                    output.endFile();
                    continue;
                }
                try {
                    switch (type) {
                        case "log" -> {
                            List<SegmentDumper.Gap> g = SegmentDumper.dump(file, options, output);
                            if (!g.isEmpty()) {
                                gaps.put(file.getAbsolutePath(), g);
                            }
                            if (json) {
                                output.field(null, "nonConsecutiveOffsets", g.stream().map(x -> List.of(x.before(), x.after())).toList());
                            }
                        }
                        case "index", "timeindex" -> {
                            List<IndexDumper.Problem> p = type.equals("index") ? IndexDumper.dumpOffsetIndex(file, options, output)
                                    : IndexDumper.dumpTimeIndex(file, options, output);
                            if (!p.isEmpty()) {
                                indexProblems.put(file.getAbsolutePath(), p);
                            }
                            if (json) {
                                output.field(null, "problems", p.stream().map(x -> Map.of("kind", x.kind(),
                                        "indexValue", x.indexValue(), "logValue", x.logValue())).toList());
                            }
                        }
                        default -> SnapshotDumper.dump(file, output);
                    }
                } catch (Exception e) {
                    failures.add(path + ": " + FailureMessages.describe(e, options.verbose()));
                    output.field(null, "error", FailureMessages.describe(e, false));
                    if (options.verbose()) {
                        output.flush();
                        e.printStackTrace(err);
                    }
                }
                output.endFile();
            }
        }
        out.flush();
        if (!json) {
            report(indexProblems, gaps, err);
        }
        if (failures.size() == 1) {
            throw new ToolFailure(failures.get(0));
        }
        if (!failures.isEmpty()) {
            failures.forEach(f -> err.println(NAME + ": " + f));
            throw new ToolFailure(failures.size() + " files could not be dumped");
        }
        boolean checking = options.verifyIndexOnly() || options.indexSanityCheck();
        if (checking && !indexProblems.isEmpty()) {
            throw new ToolFailure("problems found in " + indexProblems.size() + (indexProblems.size() == 1 ? " index" : " indexes"));
        }
    }

    /** {@code log}, {@code index}, {@code timeindex}, {@code snapshot}, or null for a file this tool does not read. */
    static String type(String name) {
        if (name.endsWith(LogFileNames.LOG_SUFFIX)) {
            return "log";
        }
        if (name.endsWith(LogFileNames.INDEX_SUFFIX)) {
            return "index";
        }
        if (name.endsWith(LogFileNames.TIME_INDEX_SUFFIX)) {
            return "timeindex";
        }
        if (name.endsWith(LogFileNames.SNAPSHOT_SUFFIX)) {
            return "snapshot";
        }
        return null;
    }

    /** Kafka's reports after the dump, on standard error. */
    private static void report(Map<String, List<IndexDumper.Problem>> indexProblems, Map<String, List<SegmentDumper.Gap>> gaps,
                               PrintStream err) {
        indexProblems.forEach((file, problems) -> {
            for (String kind : List.of("mismatch", "timestamp mismatch", "timestamp out of order", "offset not found")) {
                List<IndexDumper.Problem> of = problems.stream().filter(p -> p.kind().equals(kind)).toList();
                if (of.isEmpty()) {
                    continue;
                }
                switch (kind) {
                    case "mismatch" -> {
                        err.println("Mismatches in :" + file);
                        of.forEach(p -> err.println("  Index offset: " + p.indexValue() + ", log offset: " + p.logValue()));
                    }
                    case "timestamp mismatch" -> {
                        err.println("Found timestamp mismatch in :" + file);
                        of.forEach(p -> err.println("  Index timestamp: " + p.indexValue() + ", log timestamp: " + p.logValue()));
                    }
                    case "timestamp out of order" -> {
                        err.println("Found out of order timestamp in :" + file);
                        of.forEach(p -> err.println("  Index timestamp: " + p.indexValue() + ", Previously indexed timestamp: "
                                + p.logValue()));
                    }
                    default -> {
                        err.println("The following indexed offsets are not found in the log.");
                        of.forEach(p -> err.println("Indexed offset: " + p.indexValue() + ", found log offset: " + p.logValue()));
                    }
                }
            }
            problems.stream().filter(p -> p.kind().startsWith("sanity check failed"))
                    .forEach(p -> err.println(file + " failed the sanity check: " + p.kind().substring("sanity check failed: ".length())));
        });
        gaps.forEach((file, list) -> {
            err.println("Non-consecutive offsets in " + file);
            list.forEach(g -> err.println("  " + g.before() + " is followed by " + g.after()));
        });
    }
}
