package io.samsa.bench;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one perf tool JVM to completion with a deadline, its standard output and error going to
 * files in the run directory (kept for inspection; a chatty tool can never block on a pipe). A tool
 * past its deadline, or whose error output passes a size cap (a producer whose every send fails
 * prints a stack trace per record), is killed. The tool's CPU seconds are this process's reaped
 * children's CPU (cutime+cstime) across the run, which counts the tool's whole life, JVM start and
 * exit included (no other child of the harness exits meanwhile unless a broker dies, which fails
 * the workload anyway); its threads' CPU is sampled every {@value #THREAD_SAMPLE_MS} ms (each thread's latest sample counts). Stateless;
 * not safe to run two tools at once (their CPU would mix).
 */
public final class ToolRunner {

    /** Error output beyond this means every request is failing; stop before it fills the disk. */
    static final long MAX_STDERR_BYTES = 32L << 20;
    private static final int STDOUT_TAIL_BYTES = 1 << 20;
    private static final int STDERR_HEAD_BYTES = 64 << 10;
    private static final long POLL_MS = 50;
    static final long THREAD_SAMPLE_MS = 250;

    private ToolRunner() {
    }

    public static ToolRun run(List<String> command, Path stdoutFile, Path stderrFile, Duration deadline)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectOutput(stdoutFile.toFile());
        pb.redirectError(stderrFile.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        ProcFs.clockTicksPerSecond(); // asks getconf once, now, so that no other child is reaped during the run
        long childTicksBefore = ProcFs.reapedChildrenCpuTicks();
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        Process p = ChildProcesses.track(pb.start());
        boolean timedOut = false;
        boolean flooded = false;
        ThreadCpu.Sampler threads = new ThreadCpu.Sampler();
        long nextSample = start;
        try {
            while (!p.waitFor(POLL_MS, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() >= nextSample) {
                    threads.sample(p.pid());
                    nextSample = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(THREAD_SAMPLE_MS);
                }
                if (System.nanoTime() > end) {
                    timedOut = true;
                    break;
                }
                if (Files.size(stderrFile) > MAX_STDERR_BYTES) {
                    flooded = true;
                    break;
                }
            }
            if (timedOut || flooded) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("Interrupted running " + command.get(command.size() - 1), e);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        int exit = p.isAlive() ? -1 : p.exitValue();
        // Reaped (waitFor returned), so the tool's CPU is now in this process's cutime and cstime.
        double cpu = p.isAlive() ? Double.NaN
                : (ProcFs.reapedChildrenCpuTicks() - childTicksBefore) / (double) ProcFs.clockTicksPerSecond();
        return new ToolRun(exit, tail(stdoutFile, STDOUT_TAIL_BYTES), head(stderrFile, STDERR_HEAD_BYTES),
                timedOut, flooded, wall, cpu, threads.ticksByGroup());
    }

    private static String tail(Path file, int bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long len = f.length();
            long from = Math.max(0, len - bytes);
            byte[] buf = new byte[(int) (len - from)];
            f.seek(from);
            f.readFully(buf);
            return new String(buf, StandardCharsets.UTF_8);
        }
    }

    private static String head(Path file, int bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            byte[] buf = new byte[(int) Math.min(bytes, f.length())];
            f.readFully(buf);
            return new String(buf, StandardCharsets.UTF_8);
        }
    }
}
