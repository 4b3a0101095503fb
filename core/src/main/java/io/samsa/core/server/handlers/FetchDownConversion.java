package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.protocol.FileRecordsData;
import io.samsa.protocol.MemoryRecordsData;
import io.samsa.protocol.RecordsData;
import io.samsa.record.LegacyDownConverter;
import io.samsa.record.LegacyLayout;
import io.samsa.record.MemoryRecords;
import io.samsa.record.RecordFormatException;
import io.samsa.record.UnsupportedCompressionException;

/**
 * Records for a Fetch v0-v3, whose clients read only message format v0 (Fetch v0-v1) or v1
 * (v2-v3): the stored v2 batches are read into memory and converted, as Kafka does, so these
 * answers are never zero-copy. zstd data cannot be converted: UNSUPPORTED_COMPRESSION_TYPE.
 * Stateless.
 */
final class FetchDownConversion {

    /** Fetch v4 brought record batches v2; older versions need the old formats. */
    static final short FIRST_V2_VERSION = 4;

    private FetchDownConversion() {
    }

    /** The converted records, or the error to answer the partition with. */
    record Result(RecordsData records, Errors error) {
    }

    static Result convert(RecordsData stored, short fetchVersion, long fetchOffset) {
        if (stored == null || stored.sizeInBytes() == 0) {
            return new Result(stored, Errors.NONE);
        }
        byte magic = fetchVersion <= 1 ? LegacyLayout.MAGIC_V0 : LegacyLayout.MAGIC_V1;
        MemoryRecords batches = MemoryRecords.readableRecords(stored instanceof FileRecordsData file
                ? file.read() : MemoryRecordsData.bufferOf(stored));
        try {
            return new Result(new MemoryRecordsData(LegacyDownConverter.convert(batches, magic, fetchOffset).buffer()), Errors.NONE);
        } catch (UnsupportedCompressionException e) {
            return new Result(ReadResults.EMPTY_RECORDS, Errors.UNSUPPORTED_COMPRESSION_TYPE);
        } catch (RecordFormatException e) {
            return new Result(ReadResults.EMPTY_RECORDS, Errors.CORRUPT_MESSAGE);
        }
    }
}
