package io.samsa.clients.admin.internals;

import io.samsa.clients.admin.OffsetSpec;
import io.samsa.common.IsolationLevel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ListOffsets' timestamps for each offset spec, and the versions they need. */
class RecordCallsTest {

    @Test
    void specsMapToKafkasSpecialTimestamps() {
        assertEquals(-1, RecordCalls.timestamp(OffsetSpec.latest()));
        assertEquals(-2, RecordCalls.timestamp(OffsetSpec.earliest()));
        assertEquals(-3, RecordCalls.timestamp(OffsetSpec.maxTimestamp()));
        assertEquals(-4, RecordCalls.timestamp(OffsetSpec.earliestLocal()));
        assertEquals(-5, RecordCalls.timestamp(OffsetSpec.latestTiered()));
        assertEquals(1234, RecordCalls.timestamp(OffsetSpec.forTimestamp(1234)));
    }

    @Test
    void specialTimestampsAndReadCommittedRaiseTheMinimumVersion() {
        assertEquals(1, RecordCalls.minVersion(List.of(-1L, -2L, 99L), IsolationLevel.READ_UNCOMMITTED));
        assertEquals(2, RecordCalls.minVersion(List.of(-1L), IsolationLevel.READ_COMMITTED));
        assertEquals(7, RecordCalls.minVersion(List.of(-1L, -3L), IsolationLevel.READ_COMMITTED));
        assertEquals(8, RecordCalls.minVersion(List.of(-4L), IsolationLevel.READ_UNCOMMITTED));
        assertEquals(9, RecordCalls.minVersion(List.of(-5L, -3L), IsolationLevel.READ_UNCOMMITTED));
    }
}
