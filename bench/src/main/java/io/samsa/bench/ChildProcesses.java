package io.samsa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every process the harness starts, so that none outlives it: a shutdown hook (run on Ctrl-C too)
 * kills whatever is still alive. Thread-safe.
 */
public final class ChildProcesses {

    private static final List<Process> LIVE = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "bench-child-cleanup"));
    }

    private ChildProcesses() {
    }

    public static synchronized Process track(Process p) {
        LIVE.removeIf(q -> !q.isAlive());
        LIVE.add(p);
        return p;
    }

    /**
     * SIGTERM, then SIGKILL if the process is still running after {@code graceSeconds}.
     *
     * @return the exit code, or -1 if it had to be killed
     */
    public static int stop(Process p, long graceSeconds) {
        if (!p.isAlive()) {
            return p.exitValue();
        }
        p.destroy();
        try {
            if (p.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                return p.exitValue();
            }
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        return -1;
    }

    private static synchronized void killAll() {
        for (Process p : LIVE) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
