package io.samsa.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolRunTest {

    @Test
    void firstErrorPrefersStderrsFirstErrorLine() {
        ToolRun r = new ToolRun(1, "progress\n",
                "13:20:24.789 WARN  NetworkClient - LEADER_NOT_AVAILABLE\n"
                        + "org.apache.kafka.common.KafkaException: first\n"
                        + "Caused by: java.io.IOException: second\n", false, false, 1);
        assertEquals("first error: org.apache.kafka.common.KafkaException: first", r.explain());
    }

    @Test
    void withoutAnErrorLineTheLastOutputLineExplains() {
        ToolRun r = new ToolRun(0, "a\nlast words\n\n", "", false, false, 1);
        assertEquals("last output: last words", r.explain());
        assertEquals("no output", new ToolRun(0, "", "", false, false, 1).explain());
    }

    @Test
    void realWarningsAreNotMistakenForErrors() {
        ToolRun r = new ToolRun(0, "", PerfOutputs.read("producer-performance-stderr.txt"), false, false, 1);
        assertTrue(r.explain().startsWith("last output: ") && r.explain().contains("LEADER_NOT_AVAILABLE"), r.explain());
        assertNull(r.abnormalEnd(10));
    }

    @Test
    void floodingIsAnAbnormalEnd() {
        ToolRun r = new ToolRun(-1, "", "java.lang.IllegalStateException: x\n", false, true, 3);
        assertEquals("killed for flooding stderr; first error: java.lang.IllegalStateException: x", r.abnormalEnd(10));
    }
}
