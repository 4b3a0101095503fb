package io.samsa.bench;

import joptsimple.OptionException;
import joptsimple.OptionParser;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The harness's command line. Immutable.
 *
 * @param quick       small record counts, one repetition unless {@code --reps} says otherwise
 * @param repetitions runs of every workload on each broker
 * @param workloads   the workload ids to run, in the standard order
 * @param brokers     the brokers to run, Samsa first in odd repetitions and last in even ones
 * @param workDir     where the run directory goes (null: the system temp dir)
 * @param heap        both brokers' heap options
 * @param keepData    keep the brokers' data directories after each run
 * @param deadlineSeconds how long one perf tool may run before it is killed and the run FAILED
 * @param clients     the client libraries whose perf tools drive the workloads (each where it has a
 *                    tool; see {@link PerfToolCommands#mainClass(Workload, ClientKind)}), kafka-clients
 *                    first in odd repetitions and last in even ones
 */
public record BenchOptions(boolean quick, int repetitions, List<String> workloads, List<BrokerKind> brokers,
                           Path workDir, String heap, boolean keepData, long deadlineSeconds, List<ClientKind> clients) {

    static final String DEFAULT_HEAP = "-Xms1g -Xmx1g";

    /** Thrown for a command line that cannot be run; the message says why. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    private static final class Parser {
        final OptionParser parser = new OptionParser();
        final OptionSpec<Void> help = parser.accepts("help", "Print this help.").forHelp();
        final OptionSpec<Void> quick = parser.accepts("quick",
                "Smoke run: W1 and W5 100k, W2 20k, W4 and W4R3 1k records; 1 repetition unless --reps is given.");
        final OptionSpec<Integer> reps = parser.accepts("reps", "Repetitions of each workload on each broker "
                + "(default 3, or 1 with --quick).").withRequiredArg().ofType(Integer.class);
        final OptionSpec<String> workloads = parser.accepts("workloads", "Comma-separated workloads to run "
                + "(W3 reads W1's topic, so W1 runs whenever W3 does).").withRequiredArg().defaultsTo(String.join(",", ALL_WORKLOADS));
        final OptionSpec<String> brokers = parser.accepts("brokers", "Comma-separated brokers: samsa, kafka.")
                .withRequiredArg().defaultsTo("samsa,kafka");
        final OptionSpec<String> clients = parser.accepts("clients", "Comma-separated clients whose perf tools drive "
                + "the workloads: kafka (kafka-clients 3.9.1, Kafka's tools), samsa (Samsa's tools, where Samsa has one: "
                + "so far the producer, for W1, W2 and W5, and the consumer, for W3).").withRequiredArg().defaultsTo("kafka,samsa");
        final OptionSpec<String> workDir = parser.accepts("work-dir", "Directory for the run directory "
                + "(default: the system temp dir).").withRequiredArg();
        final OptionSpec<String> heap = parser.accepts("heap", "Heap options of both brokers.")
                .withRequiredArg().defaultsTo(DEFAULT_HEAP);
        final OptionSpec<Void> keepData = parser.accepts("keep-data", "Keep the brokers' data directories.");
        final OptionSpec<Long> deadline = parser.accepts("deadline-s", "Seconds one perf tool may run before "
                + "it is killed (default 240, or 90 with --quick).").withRequiredArg().ofType(Long.class);
    }

    /**
     * @return the options, or null if {@code --help} was asked for
     * @throws UsageException for unknown options or bad values
     */
    public static BenchOptions parse(String... args) throws UsageException {
        Parser p = new Parser();
        OptionSet set;
        try {
            set = p.parser.parse(args);
        } catch (OptionException e) {
            throw new UsageException(e.getMessage());
        }
        if (set.has(p.help)) {
            return null;
        }
        if (!set.nonOptionArguments().isEmpty()) {
            throw new UsageException("Unexpected argument(s): " + set.nonOptionArguments());
        }
        boolean quick = set.has(p.quick);
        int reps = set.has(p.reps) ? set.valueOf(p.reps) : quick ? 1 : 3;
        if (reps < 1) {
            throw new UsageException("--reps must be at least 1");
        }
        long deadline = set.has(p.deadline) ? set.valueOf(p.deadline) : quick ? 90 : 240;
        if (deadline < 1) {
            throw new UsageException("--deadline-s must be positive");
        }
        return new BenchOptions(quick, reps, workloadIds(set.valueOf(p.workloads)), brokers(set.valueOf(p.brokers)),
                set.has(p.workDir) ? Path.of(set.valueOf(p.workDir)) : null, set.valueOf(p.heap),
                set.has(p.keepData), deadline, clients(set.valueOf(p.clients)));
    }

    public static void printHelp(OutputStream out) throws IOException {
        new Parser().parser.printHelpOn(out);
    }

    /** Every workload, in the order they run: the one-broker ones, then the three-broker ones. */
    static final List<String> ALL_WORKLOADS = List.of("W1", "W2", "W3", "W4", "W5", "W4R3");

    private static List<String> workloadIds(String csv) throws UsageException {
        Set<String> wanted = new LinkedHashSet<>();
        for (String s : csv.split(",")) {
            String id = s.trim().toUpperCase(Locale.ROOT);
            if (!ALL_WORKLOADS.contains(id)) {
                throw new UsageException("Unknown workload '" + s.trim() + "' (expected one of " + String.join(", ", ALL_WORKLOADS) + ")");
            }
            wanted.add(id);
        }
        if (wanted.contains("W3")) {
            wanted.add("W1");
        }
        List<String> ordered = new ArrayList<>();
        for (String id : ALL_WORKLOADS) {
            if (wanted.contains(id)) {
                ordered.add(id);
            }
        }
        return ordered;
    }

    private static List<BrokerKind> brokers(String csv) throws UsageException {
        Set<BrokerKind> kinds = new LinkedHashSet<>();
        for (String s : csv.split(",")) {
            try {
                kinds.add(BrokerKind.fromId(s));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        List<BrokerKind> ordered = new ArrayList<>();
        for (BrokerKind k : BrokerKind.values()) {
            if (kinds.contains(k)) {
                ordered.add(k);
            }
        }
        return ordered;
    }

    private static List<ClientKind> clients(String csv) throws UsageException {
        Set<ClientKind> kinds = new LinkedHashSet<>();
        for (String s : csv.split(",")) {
            try {
                kinds.add(ClientKind.fromId(s));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        List<ClientKind> ordered = new ArrayList<>();
        for (ClientKind k : ClientKind.values()) {
            if (kinds.contains(k)) {
                ordered.add(k);
            }
        }
        return ordered;
    }

    /** The selected workloads at this run's size. */
    public List<Workload> selectedWorkloads() {
        List<Workload> selected = new ArrayList<>();
        for (Workload w : Workloads.standard(quick)) {
            if (workloads.contains(w.id())) {
                selected.add(w);
            }
        }
        return selected;
    }

    /** The brokers in the order they run in {@code repetition} (1-based): alternating which goes first. */
    public List<BrokerKind> brokerOrder(int repetition) {
        List<BrokerKind> order = new ArrayList<>(brokers);
        if (repetition % 2 == 0) {
            java.util.Collections.reverse(order);
        }
        return order;
    }

    /**
     * The clients in the order they run each workload in {@code repetition} (1-based), alternating
     * which goes first: the second runs on a broker the first has warmed up (its JIT, its page
     * cache), so an odd number of repetitions still favours one; a quick run's single repetition
     * runs kafka-clients first.
     */
    public List<ClientKind> clientOrder(int repetition) {
        List<ClientKind> order = new ArrayList<>(clients);
        if (repetition % 2 == 0) {
            java.util.Collections.reverse(order);
        }
        return order;
    }
}
