package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.log.LogConfig;
import io.samsa.protocol.FileRecordsData;
import io.samsa.protocol.MemoryRecordsData;
import io.samsa.protocol.RecordsData;
import io.samsa.record.LegacyDownConverter;
import io.samsa.record.LegacyLayout;
import io.samsa.record.MemoryRecords;
import io.samsa.record.RecordFormatException;
import io.samsa.record.UnsupportedCompressionException;

/**
 * What fetches older than the formats they read get, as Kafka 3.9 decides it. Fetch v0-v3 clients
 * read only message format v0 (Fetch v0-v1) or v1 (v2-v3): the stored v2 batches are read into
 * memory and converted, so these answers are never zero-copy; a topic with
 * {@code message.downconversion.enable=false} refuses them with UNSUPPORTED_VERSION. zstd arrived
 * with Fetch v10: an older fetch of a zstd topic gets UNSUPPORTED_COMPRESSION_TYPE, and so does a
 * conversion that meets a zstd batch. Stateless.
 */
final class FetchDownConversion {

    /** Fetch v4 brought record batches v2; older versions need the old formats. */
    static final short FIRST_V2_VERSION = 4;
    /** zstd is readable from Fetch v10. */
    private static final short FIRST_ZSTD_VERSION = 10;
    /** From this version on, nothing the topic holds is refused: modern fetches skip the checks. */
    static final short FIRST_UNRESTRICTED_VERSION = FIRST_ZSTD_VERSION;

    private FetchDownConversion() {
    }

    /** The converted records, or the error to answer the partition with. */
    record Result(RecordsData records, Errors error) {
    }

    /** The error a fetch of this version gets instead of the partition's data, or NONE. */
    static Errors refusal(LogConfig config, short fetchVersion) {
        if (fetchVersion < FIRST_ZSTD_VERSION && "zstd".equals(config.compressionType())) {
            return Errors.UNSUPPORTED_COMPRESSION_TYPE;
        }
        if (fetchVersion < FIRST_V2_VERSION && !config.messageDownConversionEnable()) {
            return Errors.UNSUPPORTED_VERSION;
        }
        return Errors.NONE;
    }

    static Result convert(RecordsData stored, short fetchVersion, long fetchOffset) {
        if (stored == null || stored.sizeInBytes() == 0) {
            return new Result(stored, Errors.NONE);
        }
        byte magic = fetchVersion <= 1 ? LegacyLayout.MAGIC_V0 : LegacyLayout.MAGIC_V1;
        MemoryRecords batches = MemoryRecords.readableRecords(stored instanceof FileRecordsData file
                ? file.read() : MemoryRecordsData.bufferOf(stored));
        if (batches.sizeOfCompleteBatches() == 0) {
            // Only the start of a batch fit in the client's limit. Its first twelve bytes read as the
            // offset and size of one message larger than the fetch, which old clients report as
            // "record too large", as Kafka's overflow answer makes them.
            return new Result(new MemoryRecordsData(batches.buffer()), Errors.NONE);
        }
        try {
            return new Result(new MemoryRecordsData(LegacyDownConverter.convert(batches, magic, fetchOffset).buffer()), Errors.NONE);
        } catch (UnsupportedCompressionException e) {
            return new Result(ReadResults.EMPTY_RECORDS, Errors.UNSUPPORTED_COMPRESSION_TYPE);
        } catch (RecordFormatException e) {
            return new Result(ReadResults.EMPTY_RECORDS, Errors.CORRUPT_MESSAGE);
        }
    }
}
