package io.samsa.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ThreadCpuTest {

    @Test
    void threadNamesAreReadFromStatLinesAndGroupedWithoutTheirNumbers() {
        String stat = "4711 (C2 CompilerThre) S 1 4242 4242 0 -1 4194560 5 0 0 0 150 25 0 0 20 0 40 0 100 1 1";
        assertEquals("C2 CompilerThre", ThreadCpu.command(stat));
        assertEquals("C# CompilerThre", ThreadCpu.group(ThreadCpu.command(stat)));
        assertEquals("samsa-network-#", ThreadCpu.group("samsa-network-12"));
        assertEquals("a (b) c", ThreadCpu.command("1 (a (b) c) R 1 2 3"));
        assertThrows(IllegalArgumentException.class, () -> ThreadCpu.command("no parentheses"));
    }

    @Test
    void breakdownListsTheLargestGroupsThenWhatExitedThreadsUsed() {
        Map<String, Long> before = Map.of("C# CompilerThre", 100L, "samsa-network-#", 10L, "idle", 5L);
        Map<String, Long> after = Map.of("C# CompilerThre", 162L, "samsa-network-#", 23L, "idle", 5L, "GC Thread#", 4L);
        assertEquals("C# CompilerThre 0.62 s, samsa-network-# 0.13 s, exited threads 0.05 s",
                ThreadCpu.breakdown(before, after, 62 + 13 + 4 + 5, 100, 2));
        assertEquals("C# CompilerThre 0.62 s, samsa-network-# 0.13 s, GC Thread# 0.04 s",
                ThreadCpu.breakdown(before, after, 79, 100, 5));
        assertEquals("none", ThreadCpu.breakdown(before, before, 0, 100, 5));
    }

    @Test
    void readsThisProcessThreads() throws Exception {
        Map<String, Long> mine = ThreadCpu.ticksByGroup(ProcessHandle.current().pid());
        assertFalse(mine.isEmpty());
    }
}
