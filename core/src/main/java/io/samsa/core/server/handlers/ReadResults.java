package io.samsa.core.server.handlers;

import io.samsa.protocol.MemoryRecordsData;
import io.samsa.protocol.RecordsData;

import java.nio.ByteBuffer;

/** Shared constants for answers that carry records. */
final class ReadResults {

    /** Zero bytes of records: what a partition with nothing to return sends. */
    static final RecordsData EMPTY_RECORDS = new MemoryRecordsData(ByteBuffer.allocate(0));

    private ReadResults() {
    }
}
