package io.samsa.tools.groups;

import io.samsa.common.TopicPartition;
import io.samsa.tools.cli.ToolFailure;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResetPlanCsvTest {

    private static final TopicPartition T0 = new TopicPartition("t", 0);
    private static final TopicPartition U1 = new TopicPartition("u", 1);

    @Test
    void oneGroupIsWrittenWithoutItsNameAndReadBack() {
        String csv = write(Map.of("g", List.of(new PlannedOffset(T0, 4L, 7), new PlannedOffset(U1, null, 0))), false);
        assertEquals("t,0,7\nu,1,0\n", csv);
        assertEquals(Map.of("g", Map.of(T0, 7L, U1, 0L)), ResetPlanCsv.read(csv, "f", "g"));
    }

    @Test
    void severalGroupsAreWrittenWithTheirNamesQuotedWhenNeeded() {
        Map<String, List<PlannedOffset>> plans = new LinkedHashMap<>();
        plans.put("a,b", List.of(new PlannedOffset(T0, null, 1)));
        plans.put("c", List.of(new PlannedOffset(U1, 2L, 3)));
        String csv = write(plans, true);
        assertEquals("\"a,b\",t,0,1\nc,u,1,3\n", csv);
        assertEquals(Map.of("a,b", Map.of(T0, 1L), "c", Map.of(U1, 3L)), ResetPlanCsv.read(csv, "f", null));
        assertEquals(Map.of("c", Map.of(U1, 3L)), ResetPlanCsv.read("c,u,1,3\r\n\n", "f", "g"),
                "four columns name the group even when one --group was given");
    }

    @Test
    void aBadLineIsNamed() {
        assertEquals("f line 2: 'x' is not a partition", assertThrows(ToolFailure.class,
                () -> ResetPlanCsv.read("t,0,1\nt,x,1", "f", "g")).getMessage());
        assertEquals("f line 1: '-1' is not an offset", assertThrows(ToolFailure.class,
                () -> ResetPlanCsv.read("t,0,-1", "f", "g")).getMessage());
        assertEquals("f line 1: expected group,topic,partition,offset, not 't,0,1'", assertThrows(ToolFailure.class,
                () -> ResetPlanCsv.read("t,0,1", "f", null)).getMessage());
    }

    private static String write(Map<String, List<PlannedOffset>> plans, boolean withGroup) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResetPlanCsv.write(plans, withGroup, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
