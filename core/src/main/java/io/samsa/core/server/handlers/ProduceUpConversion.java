package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.replication.AppendResult;
import io.samsa.record.InvalidRecordException;
import io.samsa.record.LegacyMessageSet;
import io.samsa.record.LegacyUpConverter;
import io.samsa.record.RecordFormatException;
import io.samsa.record.RecordMagic;

import java.nio.ByteBuffer;

/**
 * The records of a Produce v0-v2 request, made for message formats v0 and v1: an old-format set is
 * checked (every CRC, Kafka's rules for compressed wrappers) and up-converted to one v2 batch in
 * the producer's codec, as Kafka 3.x stores only v2; the log's validator then takes it like any
 * produced batch (offsets, timestamps, the topic's codec). Records already in v2 pass unchanged:
 * Kafka never checked the format of these versions. Stateless.
 */
final class ProduceUpConversion {

    private ProduceUpConversion() {
    }

    /** The records to append, or the error that refuses them. */
    record Result(ByteBuffer records, AppendResult error) {
    }

    static Result toV2(ByteBuffer records) {
        if (records == null || !records.hasRemaining()) {
            return new Result(null, AppendResult.error(Errors.INVALID_RECORD, "The produce request has no records for this partition"));
        }
        if (!RecordMagic.isLegacy(RecordMagic.firstMagic(records))) {
            return new Result(records, null);
        }
        try {
            LegacyMessageSet set = LegacyMessageSet.readableMessages(records);
            return new Result(LegacyUpConverter.toRecordBatch(set, set.sourceCompression()).buffer(), null);
        } catch (InvalidRecordException e) {
            return new Result(null, AppendResult.error(Errors.INVALID_RECORD, e.getMessage()));
        } catch (RecordFormatException e) {
            return new Result(null, AppendResult.error(Errors.CORRUPT_MESSAGE, e.getMessage()));
        }
    }
}
