package io.samsa.tools.dumplog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samsa.core.log.FileBatchCursor;
import io.samsa.core.log.FileRecords;
import io.samsa.core.log.LogFileNames;
import io.samsa.record.BatchLayout;
import io.samsa.record.Record;
import io.samsa.record.RecordBatch;
import io.samsa.record.RecordFormatException;
import io.samsa.tools.cli.Progress;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Dumps a segment ({@code .log}) as Kafka's {@code kafka-dump-log} does: {@code Log starting
 * offset: N}, then one line per batch ({@code baseOffset: 0 lastOffset: 2 count: 3 ... position: 0
 * CreateTime: ... size: ... magic: 2 compresscodec: none crc: ... isvalid: true}), with
 * {@code --deep-iteration} one {@code | offset: ...} line per record and with
 * {@code --print-data-log} its key and payload; bytes after the last whole batch are reported
 * ({@code Found N invalid bytes at the end of F}) and, in deep iteration, offsets that do not follow
 * each other. Where Kafka prints {@code deleteHorizonMs: OptionalLong.empty} this prints -1, as for
 * the other absent values. The file is opened read-only, so a live broker's segment can be dumped.
 * Stateless; each call reads one file.
 */
final class SegmentDumper {

    /** Files from this size on get a progress line on a terminal. */
    static final long PROGRESS_MIN_BYTES = 16L * 1024 * 1024;

    /** Two offsets where the second does not follow the first. */
    record Gap(long before, long after) {
    }

    private SegmentDumper() {
    }

    /** Dumps {@code file}; returns the offset gaps found in deep iteration. */
    static List<Gap> dump(File file, DumpLogOptions options, DumpOutput output) throws IOException {
        List<Gap> gaps = new ArrayList<>();
        long baseOffset = LogFileNames.offsetFromFileName(file.getName());
        output.field("Log starting offset: " + baseOffset, "baseOffset", baseOffset);
        try (FileRecords records = FileRecords.openReadOnly(file)) {
            int size = records.sizeInBytes();
            boolean showProgress = size >= PROGRESS_MIN_BYTES;
            FileBatchCursor cursor = records.batchesFrom(0);
            long validBytes = 0;
            long lastOffset = -1;
            while (cursor.next()) {
                if ((long) cursor.position() + cursor.sizeInBytes() > options.maxBytes()) {
                    break;
                }
                if (cursor.magic() != BatchLayout.MAGIC_V2) {
                    output.entry("offset: " + cursor.baseOffset() + " position: " + cursor.position() + " size: "
                            + cursor.sizeInBytes() + " magic: " + cursor.magic() + " (a message set of format v"
                            + cursor.magic() + ", not decoded)", legacy(cursor));
                } else {
                    ByteBuffer bytes = cursor.loadBatch();
                    RecordBatch batch = new RecordBatch(bytes);
                    lastOffset = batch(batch, cursor.position(), options, output, gaps, lastOffset);
                }
                validBytes += cursor.sizeInBytes();
                if (showProgress) {
                    output.progress("Dumping " + file.getName() + ": " + (100 * validBytes / size) + "% ("
                            + Progress.bytes(validBytes) + " of " + Progress.bytes(size) + ")");
                }
            }
            long trailing = size - validBytes;
            if (trailing > 0 && options.maxBytes() == Integer.MAX_VALUE) {
                output.field("Found " + trailing + " invalid bytes at the end of " + file.getName(), "invalidBytes", trailing);
            } else {
                output.field(null, "invalidBytes", 0);
            }
        }
        return gaps;
    }

    private static long batch(RecordBatch b, int position, DumpLogOptions options, DumpOutput output, List<Gap> gaps,
                              long lastOffset) {
        boolean valid = b.isValid();
        String codec;
        try {
            codec = b.compressionType().name;
        } catch (RecordFormatException e) {
            codec = "unknown(" + (b.attributes() & 0x7) + ")";
        }
        String line = "baseOffset: " + b.baseOffset() + " lastOffset: " + b.lastOffset() + " count: " + b.recordCount()
                + " baseSequence: " + b.baseSequence() + " lastSequence: " + b.lastSequence()
                + " producerId: " + b.producerId() + " producerEpoch: " + b.producerEpoch()
                + " partitionLeaderEpoch: " + b.partitionLeaderEpoch() + " isTransactional: " + b.isTransactional()
                + " isControl: " + b.isControlBatch() + " deleteHorizonMs: " + b.deleteHorizonMs()
                + " position: " + position + " " + b.timestampType() + ": " + b.maxTimestamp()
                + " size: " + b.sizeInBytes() + " magic: " + b.magic() + " compresscodec: " + codec
                + " crc: " + b.checksum() + " isvalid: " + valid;
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("baseOffset", b.baseOffset());
        json.put("lastOffset", b.lastOffset());
        json.put("count", b.recordCount());
        json.put("baseSequence", b.baseSequence());
        json.put("lastSequence", b.lastSequence());
        json.put("producerId", b.producerId());
        json.put("producerEpoch", b.producerEpoch());
        json.put("partitionLeaderEpoch", b.partitionLeaderEpoch());
        json.put("isTransactional", b.isTransactional());
        json.put("isControl", b.isControlBatch());
        json.put("deleteHorizonMs", b.deleteHorizonMs());
        json.put("position", position);
        json.put("timestampType", b.timestampType().toString());
        json.put("maxTimestamp", b.maxTimestamp());
        json.put("size", b.sizeInBytes());
        json.put("magic", b.magic());
        json.put("compressCodec", codec);
        json.put("crc", b.checksum());
        json.put("isValid", valid);
        if (!options.deepIteration()) {
            output.entry(line, json);
            return lastOffset;
        }
        StringBuilder text = new StringBuilder(line);
        ArrayNode records = json.putArray("records");
        long last = lastOffset;
        try {
            for (Record r : b) {
                if (last != -1 && r.offset() != last + 1) {
                    gaps.add(new Gap(last, r.offset()));
                }
                last = r.offset();
                text.append('\n').append(record(b, r, options, records.addObject()));
            }
        } catch (RuntimeException e) {
            // A corrupt or undecodable batch: say so where its records would be, and go on.
            text.append('\n').append("| cannot read the records of this batch: ").append(e.getMessage());
            json.put("recordsError", String.valueOf(e.getMessage()));
        }
        output.entry(text.toString(), json);
        return last;
    }

    private static String record(RecordBatch b, Record r, DumpLogOptions options, ObjectNode json) {
        StringBuilder line = new StringBuilder("| ");
        String prefix = "";
        json.put("offset", r.offset());
        if (!options.skipRecordMetadata()) {
            StringJoiner keys = new StringJoiner(",", "[", "]");
            ArrayNode headerKeys = JsonNodeFactory.instance.arrayNode();
            for (io.samsa.record.Header h : r.headers()) {
                keys.add(h.key());
                headerKeys.add(h.key());
            }
            line.append("offset: ").append(r.offset()).append(' ').append(b.timestampType()).append(": ")
                    .append(r.timestamp()).append(" keySize: ").append(r.keySize()).append(" valueSize: ")
                    .append(r.valueSize()).append(" sequence: ").append(r.sequence()).append(" headerKeys: ").append(keys);
            json.put("timestamp", r.timestamp());
            json.put("keySize", r.keySize());
            json.put("valueSize", r.valueSize());
            json.put("sequence", r.sequence());
            json.set("headerKeys", headerKeys);
            if (b.isControlBatch()) {
                String control = control(r);
                line.append(' ').append(control);
                json.put("control", control);
            }
            prefix = " ";
        }
        if (options.printDataLog() && !b.isControlBatch()) {
            RecordDecoder.Decoded d = options.decoder().decode(r);
            if (d.key() != null) {
                line.append(prefix).append("key: ").append(d.key());
                prefix = " ";
                json.put("key", d.key());
            }
            if (d.payload() != null) {
                line.append(prefix).append("payload: ").append(d.payload());
                json.put("payload", d.payload());
            }
        }
        return line.toString();
    }

    /** A control record in Kafka's words: {@code endTxnMarker: COMMIT coordinatorEpoch: N}, or its type. */
    private static String control(Record r) {
        ByteBuffer key = r.key();
        if (key == null || key.remaining() < 4) {
            return "controlType: UNKNOWN(-1)";
        }
        short type = key.getShort(key.position() + 2);
        ByteBuffer value = r.value();
        if ((type == 0 || type == 1) && value != null && value.remaining() >= 6) {
            return "endTxnMarker: " + (type == 0 ? "ABORT" : "COMMIT") + " coordinatorEpoch: "
                    + value.getInt(value.position() + 2);
        }
        return "controlType: UNKNOWN(" + type + ")";
    }

    private static ObjectNode legacy(FileBatchCursor cursor) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("offset", cursor.baseOffset());
        json.put("position", cursor.position());
        json.put("size", cursor.sizeInBytes());
        json.put("magic", cursor.magic());
        return json;
    }
}
