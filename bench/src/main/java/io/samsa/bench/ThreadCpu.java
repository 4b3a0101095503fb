package io.samsa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A process's CPU ticks per thread group, from {@code /proc/<pid>/task/<tid>/stat}: threads are
 * grouped by name with digit runs folded to {@code #} ("C2 CompilerThread0" and "...1" together,
 * "samsa-network-3" with its siblings), so a workload's broker CPU can be told apart into JIT
 * compilation, network threads, request handlers and GC. Threads that exit during a workload take
 * their ticks with them; {@link #breakdown} reports that remainder as "exited threads". Stateless
 * (apart from the {@link Sampler}).
 */
public final class ThreadCpu {

    private ThreadCpu() {
    }

    /** utime+stime ticks of each thread group of {@code pid} now; threads that vanish while read are skipped. */
    public static Map<String, Long> ticksByGroup(long pid) throws IOException {
        Map<String, Long> out = new HashMap<>();
        ticksByThread(pid).forEach((thread, ticks) -> out.merge(thread.group(), ticks, Long::sum));
        return out;
    }

    /** A thread of a process: its id and its group name. */
    public record ThreadId(long tid, String group) {
    }

    /** utime+stime ticks of each thread of {@code pid} now; threads that vanish while read are skipped. */
    public static Map<ThreadId, Long> ticksByThread(long pid) throws IOException {
        Map<ThreadId, Long> out = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                } catch (NoSuchFileException e) {
                    continue;
                }
                out.put(new ThreadId(Long.parseLong(task.getFileName().toString()), group(command(stat))), ProcFs.cpuTicks(stat));
            }
        }
        return out;
    }

    /**
     * Folds samples of a process's threads, taken while it runs, into ticks per group: each
     * thread counts with its latest sample, so threads that exit before the process (or before the
     * last sample) keep what they used up to their last sample. Not thread-safe.
     */
    public static final class Sampler {
        private final Map<ThreadId, Long> latest = new HashMap<>();

        /** Samples {@code pid}'s threads now; a process that is exiting and cannot be read is skipped. */
        public void sample(long pid) {
            try {
                ticksByThread(pid).forEach((t, ticks) -> latest.merge(t, ticks, Math::max));
            } catch (IOException | IllegalArgumentException e) {
                // Exiting: keep the samples so far.
            }
        }

        /** Ticks per group over every thread seen. */
        public Map<String, Long> ticksByGroup() {
            Map<String, Long> out = new HashMap<>();
            latest.forEach((t, ticks) -> out.merge(t.group(), ticks, Long::sum));
            return out;
        }
    }

    /** The thread name in a stat line: between the first '(' and the last ')'. */
    static String command(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("Not a /proc/<pid>/task/<tid>/stat line: " + stat);
        }
        return stat.substring(open + 1, close);
    }

    static String group(String threadName) {
        return threadName.replaceAll("[0-9]+", "#");
    }

    /**
     * The {@code top} groups that used the most CPU between the two readings, largest first, in
     * seconds, then what exited threads used (the process's {@code totalTicks} over the same span
     * minus the groups' sum), e.g. {@code "C# CompilerThre 0.62 s, samsa-network-# 0.13 s, exited threads 0.05 s"}.
     */
    public static String breakdown(Map<String, Long> before, Map<String, Long> after, long totalTicks,
                                   long ticksPerSecond, int top) {
        List<Map.Entry<String, Long>> used = new ArrayList<>();
        long sum = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (d > 0) {
                used.add(Map.entry(e.getKey(), d));
                sum += d;
            }
        }
        used.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(top, used.size()); i++) {
            parts.add(seconds(used.get(i).getKey(), used.get(i).getValue(), ticksPerSecond));
        }
        if (totalTicks > sum) {
            parts.add(seconds("exited threads", totalTicks - sum, ticksPerSecond));
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static String seconds(String name, long ticks, long ticksPerSecond) {
        return String.format(Locale.ROOT, "%s %.2f s", name, ticks / (double) ticksPerSecond);
    }
}
