package io.samsa.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real child process: its output, and its CPU counted once it has been reaped. */
class ToolRunnerTest {

    @Test
    void aToolsWholeCpuIsMeasuredAtItsExit(@TempDir Path dir) throws Exception {
        ToolRun run = ToolRunner.run(List.of("sh", "-c", "i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done; echo done"),
                dir.resolve("out"), dir.resolve("err"), Duration.ofSeconds(60));
        assertEquals(0, run.exitCode());
        assertEquals("done\n", run.stdout());
        // A one-threaded busy loop: some CPU, and no more than its wall time (plus a tick of rounding).
        assertTrue(run.cpuSeconds() > 0, "cpu " + run.cpuSeconds());
        assertTrue(run.cpuSeconds() <= run.wallSeconds() + 0.02, "cpu " + run.cpuSeconds() + " wall " + run.wallSeconds());
        assertTrue(run.threadTicks().containsKey("sh"), "sampled while it ran: " + run.threadTicks());
    }
}
