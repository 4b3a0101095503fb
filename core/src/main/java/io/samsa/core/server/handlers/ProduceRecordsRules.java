package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.replication.AppendResult;
import io.samsa.record.BatchLayout;

import java.nio.ByteBuffer;

/**
 * Kafka's per-partition rules for the records of a Produce request (v3 and later), checked
 * before any validation of the batch itself: there is exactly one batch, it is a v2 batch, and it
 * is not zstd-compressed when the request is older than v7 (zstd arrived with Produce v7). A
 * partition that breaks one is answered with Kafka's error and nothing of it is written; framing
 * and content problems are left to the log's validator. Stateless.
 */
final class ProduceRecordsRules {

    private static final int ZSTD = 4;
    private static final short FIRST_ZSTD_VERSION = 7;

    private ProduceRecordsRules() {
    }

    /** Kafka's answer when {@code records} of a Produce v{@code version} break a rule, else null. */
    static AppendResult check(ByteBuffer records, short version) {
        if (records == null || !records.hasRemaining()) {
            return AppendResult.error(Errors.INVALID_RECORD,
                    "Produce requests with version " + version + " must have at least one record batch per partition");
        }
        int at = records.position();
        if (records.remaining() < BatchLayout.HEADER_SIZE) {
            return null;
        }
        if (records.get(at + BatchLayout.MAGIC_OFFSET) != BatchLayout.MAGIC_V2) {
            return AppendResult.error(Errors.INVALID_RECORD, "Produce requests with version " + version
                    + " are only allowed to contain record batches with magic version 2");
        }
        int codec = records.getShort(at + BatchLayout.ATTRIBUTES_OFFSET) & BatchLayout.COMPRESSION_CODEC_MASK;
        if (codec == ZSTD && version < FIRST_ZSTD_VERSION) {
            return AppendResult.error(Errors.UNSUPPORTED_COMPRESSION_TYPE,
                    "Produce requests with version " + version + " are not allowed to use ZStandard compression");
        }
        long size = (long) records.getInt(at + BatchLayout.LENGTH_OFFSET) + BatchLayout.LOG_OVERHEAD;
        if (size > 0 && size < records.remaining()) {
            return AppendResult.error(Errors.INVALID_RECORD, "Produce requests with version " + version
                    + " are only allowed to contain exactly one record batch per partition");
        }
        return null;
    }
}
