package io.samsa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reads a process's resource use from Linux's /proc: CPU time as utime+stime clock ticks from
 * {@code /proc/<pid>/stat}, peak resident set size as {@code VmHWM} from {@code /proc/<pid>/status},
 * resets that peak by writing 5 to {@code /proc/<pid>/clear_refs}, and reads a JVM's {@code -X}
 * options from {@code /proc/<pid>/cmdline}, and the CPU of this process's reaped children as
 * cutime+cstime from {@code /proc/self/stat}. Ticks convert to seconds by
 * {@code getconf CLK_TCK}. Stateless apart from the tick rate, read once; thread-safe.
 */
public final class ProcFs {

    private static final long DEFAULT_CLOCK_TICKS = 100;
    private static volatile long clockTicks = -1;

    private ProcFs() {
    }

    /** utime + stime of {@code pid}, in seconds. */
    public static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        return cpuTicks(stat) / (double) clockTicksPerSecond();
    }

    /**
     * cutime + cstime of this process, in ticks: the CPU of every child it has waited for (reaped),
     * each child's counted whole once it has exited. A child's figure is the difference across its
     * reaping, exact to the tick, where reading the child's own /proc entry could only sample it
     * before the end.
     */
    public static long reapedChildrenCpuTicks() throws IOException {
        return childrenCpuTicks(Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII));
    }

    /** VmHWM of {@code pid} in KiB. */
    public static long peakRssKib(long pid) throws IOException {
        return vmHwmKib(Files.readString(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII));
    }

    /** The {@code -X...} options (heap, GC, JIT) on {@code pid}'s command line, space-separated. */
    public static String jvmOptions(long pid) throws IOException {
        return jvmOptions(Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8));
    }

    /**
     * The {@code -X} arguments of a NUL-separated java command line, up to its main class (the
     * first argument after the executable that is neither an option nor a class path).
     */
    static String jvmOptions(String cmdline) {
        String[] args = cmdline.split("\0");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-cp") || arg.equals("-classpath")) {
                i++;
            } else if (!arg.startsWith("-")) {
                break;
            } else if (arg.startsWith("-X")) {
                sb.append(sb.length() == 0 ? "" : " ").append(arg);
            }
        }
        return sb.toString();
    }

    /**
     * Resets {@code pid}'s VmHWM to its current RSS, so the next reading is the peak from now on.
     *
     * @return false if the kernel refused (older kernel, or not permitted)
     */
    public static boolean resetPeakRss(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * utime + stime from the text of {@code /proc/<pid>/stat}: fields 14 and 15, counted after the
     * command name, which is parenthesised and may itself contain spaces and parentheses.
     */
    static long cpuTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("Not a /proc/<pid>/stat line: " + stat);
        }
        // After ") " come fields 3 (state) onwards: utime is field 14, stime field 15.
        String[] fields = stat.substring(close + 2).trim().split("\\s+");
        final int utimeIndex = 14 - 3;
        if (fields.length <= utimeIndex + 1) {
            throw new IllegalArgumentException("Short /proc/<pid>/stat line: " + stat);
        }
        return Long.parseLong(fields[utimeIndex]) + Long.parseLong(fields[utimeIndex + 1]);
    }

    /** cutime + cstime (fields 16 and 17) from the text of {@code /proc/<pid>/stat}. */
    static long childrenCpuTicks(String stat) {
        return statField(stat, 16) + statField(stat, 17);
    }

    /** Field {@code n} (1-based, as in proc(5)) of a stat line, a number. */
    private static long statField(String stat, int n) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("Not a /proc/<pid>/stat line: " + stat);
        }
        String[] fields = stat.substring(close + 2).trim().split("\\s+");
        if (fields.length <= n - 3) {
            throw new IllegalArgumentException("Short /proc/<pid>/stat line: " + stat);
        }
        return Long.parseLong(fields[n - 3]);
    }

    /** The VmHWM figure, in KiB, from the text of {@code /proc/<pid>/status}. */
    static long vmHwmKib(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                if (parts.length != 2 || !parts[1].equals("kB")) {
                    throw new IllegalArgumentException("Unexpected VmHWM line: " + line);
                }
                return Long.parseLong(parts[0]);
            }
        }
        throw new IllegalArgumentException("No VmHWM line in /proc/<pid>/status");
    }

    /** The kernel's clock ticks per second ({@code getconf CLK_TCK}), 100 if it cannot be asked. */
    public static long clockTicksPerSecond() {
        long t = clockTicks;
        if (t > 0) {
            return t;
        }
        t = DEFAULT_CLOCK_TICKS;
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                t = Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // Keep the default: 100 Hz is what Linux reports to user space on every common architecture.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clockTicks = t;
        return t;
    }
}
