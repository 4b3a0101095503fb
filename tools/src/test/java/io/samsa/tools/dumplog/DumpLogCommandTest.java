package io.samsa.tools.dumplog;

import io.samsa.core.coordinator.group.OffsetAndMetadata;
import io.samsa.core.coordinator.group.OffsetsTopicRecords;
import io.samsa.common.TopicPartition;
import io.samsa.core.log.FileRecords;
import io.samsa.core.log.LogFileNames;
import io.samsa.core.log.OffsetIndex;
import io.samsa.core.log.TimeIndex;
import io.samsa.record.CompressionType;
import io.samsa.record.Header;
import io.samsa.record.MemoryRecords;
import io.samsa.record.MemoryRecordsBuilder;
import io.samsa.tools.cli.Json;
import io.samsa.tools.cli.ToolRunner;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DumpLogCommandTest {

    private static final long T = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @Test
    void dumpsBatchesAsKafkaDoes() throws IOException {
        File log = segment(0);
        assertEquals(0, run("--files", log.toString()));
        List<String> lines = out().lines().toList();
        assertEquals("Dumping " + log, lines.get(0));
        assertEquals("Log starting offset: 0", lines.get(1));
        assertTrue(lines.get(2).matches("baseOffset: 0 lastOffset: 1 count: 2 baseSequence: 0 lastSequence: 1 producerId: 7 "
                + "producerEpoch: 0 partitionLeaderEpoch: 3 isTransactional: false isControl: false deleteHorizonMs: -1 "
                + "position: 0 CreateTime: " + (T + 1) + " size: \\d+ magic: 2 compresscodec: none crc: \\d+ isvalid: true"),
                lines.get(2));
        assertTrue(lines.get(3).startsWith("baseOffset: 2 lastOffset: 2 count: 1 baseSequence: -1 lastSequence: -1 "
                + "producerId: -1 "), lines.get(3));
        assertTrue(lines.get(3).contains(" compresscodec: gzip "), lines.get(3));
        assertEquals(4, lines.size(), out());
        assertEquals("", err());
    }

    @Test
    void deepIterationAndDataPrintEveryRecord() throws IOException {
        File log = segment(0);
        assertEquals(0, run("--files", log.toString(), "--print-data-log"));
        List<String> lines = out().lines().toList();
        assertEquals("| offset: 0 CreateTime: " + T + " keySize: 2 valueSize: 2 sequence: 0 headerKeys: [h1,h2] key: k0 payload: v0",
                lines.get(3));
        assertEquals("| offset: 1 CreateTime: " + (T + 1) + " keySize: -1 valueSize: 2 sequence: 1 headerKeys: [] payload: v1",
                lines.get(4));
        assertEquals("| offset: 2 CreateTime: " + (T + 2) + " keySize: 2 valueSize: -1 sequence: -1 headerKeys: [] key: k2",
                lines.get(6));
        outBytes.reset();
        assertEquals(0, run("--files", log.toString(), "--print-data-log", "--skip-record-metadata"));
        assertTrue(out().contains("\n| key: k0 payload: v0\n"), out());
        outBytes.reset();
        assertEquals(0, run("--files", log.toString(), "--deep-iteration"));
        assertTrue(out().contains("\n| offset: 0 CreateTime: " + T + " keySize: 2 valueSize: 2 sequence: 0 headerKeys: [h1,h2]\n"), out());
    }

    @Test
    void trailingGarbageAndMaxBytesAreHandledAsKafkaDoes() throws IOException {
        File log = segment(0);
        long whole = log.length();
        Files.write(log.toPath(), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(0, run("--files", log.toString()));
        assertTrue(out().endsWith("Found 3 invalid bytes at the end of " + log.getName() + "\n"), out());
        outBytes.reset();
        assertEquals(0, run("--files", log.toString(), "--max-bytes", Long.toString(whole - 10)));
        assertEquals(3, out().lines().count(), "only the first batch fits: " + out());
    }

    @Test
    void indexesAreDumpedAndVerifiedAgainstTheSegment() throws IOException {
        File log = segment(0);
        File index = LogFileNames.offsetIndexFile(dir.toFile(), 0);
        File timeIndex = LogFileNames.timeIndexFile(dir.toFile(), 0);
        int second;
        try (FileRecords records = FileRecords.openReadOnly(log)) {
            var cursor = records.batchesFrom(0);
            cursor.next();
            second = cursor.sizeInBytes();
        }
        try (OffsetIndex oi = new OffsetIndex(index, 0, 1024); TimeIndex ti = new TimeIndex(timeIndex, 0, 1200)) {
            oi.append(1, 0);
            oi.append(2, second);
            ti.maybeAppend(T + 1, 1);
            ti.maybeAppend(T + 2, 2);
        }
        assertEquals(0, run("--files", index + "," + timeIndex));
        assertEquals("Dumping " + index + "\noffset: 1 position: 0\noffset: 2 position: " + second + "\n"
                + "Dumping " + timeIndex + "\ntimestamp: " + (T + 1) + " offset: 1\ntimestamp: " + (T + 2) + " offset: 2\n", out());
        assertEquals("", err());

        outBytes.reset();
        assertEquals(0, run("--files", index.toString(), "--index-sanity-check"));
        assertEquals("Dumping " + index + "\n" + index + " passed sanity check.\n", out());

        // An entry that points at the wrong batch.
        Files.delete(index.toPath());
        try (OffsetIndex oi = new OffsetIndex(index, 0, 1024)) {
            oi.append(1, second);
        }
        outBytes.reset();
        assertEquals(1, run("--files", index.toString(), "--verify-index-only"));
        assertEquals("Dumping " + index + "\n", out());
        assertEquals("Mismatches in :" + index.getAbsolutePath() + "\n  Index offset: 1, log offset: 2\n"
                + "samsa-dump-log: problems found in 1 index\n", err());
    }

    @Test
    void offsetsTopicRecordsAreDecoded() throws IOException {
        MemoryRecordsBuilder b = new MemoryRecordsBuilder(CompressionType.NONE, 0);
        b.append(T, OffsetsTopicRecords.offsetCommitKey("g1", new TopicPartition("orders", 2)),
                OffsetsTopicRecords.offsetCommitValue(new OffsetAndMetadata(42, 5, "", T, -1)));
        b.append(T, OffsetsTopicRecords.groupMetadataKey("g1"), null);
        File log = write(0, b.build());
        assertEquals(0, run("--files", log.toString(), "--offsets-decoder"));
        List<String> lines = out().lines().toList();
        assertTrue(lines.get(3).endsWith(" key: {\"type\":\"1\",\"data\":{\"group\":\"g1\",\"topic\":\"orders\",\"partition\":2}} "
                + "payload: {\"version\":\"3\",\"data\":{\"offset\":42,\"leaderEpoch\":5,\"metadata\":\"\",\"commitTimestamp\":" + T + "}}"),
                lines.get(3));
        assertTrue(lines.get(4).endsWith(" key: {\"type\":\"2\",\"data\":{\"group\":\"g1\"}} payload: <DELETE>"), lines.get(4));
    }

    @Test
    void transactionLogRecordsAreDecodedAsKafkaPrintsThem() throws IOException {
        MemoryRecordsBuilder b = new MemoryRecordsBuilder(CompressionType.NONE, 0);
        b.append(T, txnKey((short) 0, "tx-1"), txnValueV0(), Header.EMPTY);
        b.append(T, txnKey((short) 0, "tx-2"), txnValueV1(), Header.EMPTY);
        b.append(T, txnKey((short) 0, "tx-3"), null, Header.EMPTY);
        b.append(T, txnKey((short) 9, "tx-4"), bytes("x"), Header.EMPTY);
        b.append(T, txnKey((short) 0, "tx-5"), bytes("x"), Header.EMPTY);
        File log = write(0, b.build());
        assertEquals(0, run("--files", log.toString(), "--transaction-log-decoder"));
        List<String> lines = out().lines().toList();
        assertTrue(lines.get(3).endsWith(" key: transaction_metadata::transactionalId=tx-1 payload: producerId:17,"
                + "producerEpoch:2,state=Ongoing,partitions=[orders-0,orders-3,pay-1],txnLastUpdateTimestamp=" + (T + 5)
                + ",txnTimeoutMs=60000"), lines.get(3));
        assertTrue(lines.get(4).endsWith(" key: transaction_metadata::transactionalId=tx-2 payload: producerId:18,"
                + "producerEpoch:0,state=CompleteCommit,partitions=[x-2],txnLastUpdateTimestamp=" + (T + 6)
                + ",txnTimeoutMs=1000"), lines.get(4));
        assertTrue(lines.get(5).endsWith(" key: transaction_metadata::transactionalId=tx-3 payload: <DELETE>"), lines.get(5));
        assertTrue(lines.get(6).endsWith(" key: unknown::version=9"), lines.get(6));
        assertTrue(lines.get(7).contains(" key: Error at offset 4, skipping. "), lines.get(7));
        assertEquals("", err());
    }

    @Test
    void keysAndValuesAreDecodedByKafkasDecoderClasses() throws IOException {
        MemoryRecordsBuilder b = new MemoryRecordsBuilder(CompressionType.NONE, 0);
        b.append(T, ByteBuffer.allocate(4).putInt(0, 7), ByteBuffer.allocate(8).putLong(0, 42), Header.EMPTY);
        File log = write(0, b.build());
        assertEquals(0, run("--files", log.toString(), "--key-decoder-class", "kafka.serializer.IntegerDecoder",
                "--value-decoder-class", "org.apache.kafka.tools.api.LongDecoder", "--skip-record-metadata"));
        assertTrue(out().contains("\n| key: 7 payload: 42\n"), "a decoder implies --print-data-log: " + out());
        outBytes.reset();
        assertEquals(0, run("--files", log.toString(), "--print-data-log", "--value-decoder-class",
                "kafka.serializer.DefaultDecoder", "--skip-record-metadata", "--max-message-size", "1000"));
        assertTrue(out().contains(" payload: 000000000000002a\n"), out());
        assertEquals(2, run("--files", log.toString(), "--key-decoder-class", "my.Decoder"));
        assertTrue(err().startsWith("samsa-dump-log: error: --key-decoder-class my.Decoder: the decoders are StringDecoder, "
                + "IntegerDecoder, LongDecoder and DefaultDecoder\n"), err());
    }

    @Test
    void kafkasOtherDecodersAreRefusedWithTheReason() throws IOException {
        File log = segment(0);
        assertEquals(2, run("--files", log.toString(), "--cluster-metadata-decoder"));
        assertTrue(err().startsWith("samsa-dump-log: error: --cluster-metadata-decoder: this tool does not decode KRaft "
                + "metadata records"), err());
        errBytes.reset();
        assertEquals(2, run("--files", log.toString(), "--remote-log-metadata-decoder"));
        assertTrue(err().startsWith("samsa-dump-log: error: --remote-log-metadata-decoder: this tool does not decode "
                + "tiered storage metadata records"), err());
        errBytes.reset();
        assertEquals(2, run("--files", log.toString(), "--transaction-log-decoder", "--offsets-decoder"));
        assertTrue(err().startsWith("samsa-dump-log: error: --offsets-decoder and --transaction-log-decoder cannot go "
                + "together\n"), err());
        errBytes.reset();
        assertEquals(2, run("--files", log.toString(), "--transaction-log-decoder", "--value-decoder-class",
                "kafka.serializer.StringDecoder"));
        assertTrue(err().startsWith("samsa-dump-log: error: --transaction-log-decoder decodes keys and values itself, so "
                + "it cannot go with --value-decoder-class\n"), err());
        assertEquals("", out());
    }

    @Test
    void jsonIsOneDocumentStreamedFileByFile() throws IOException {
        File log = segment(0);
        assertEquals(0, run("--files", log.toString(), "--print-data-log", "--output", "json"));
        JsonNode doc = Json.parse(out());
        JsonNode file = doc.get("files").get(0);
        assertEquals(log.toString(), file.get("file").asText());
        assertEquals("log", file.get("type").asText());
        assertEquals(0, file.get("baseOffset").asLong());
        assertEquals(2, file.get("entries").size());
        JsonNode first = file.get("entries").get(0);
        assertEquals(2, first.get("count").asInt());
        assertEquals("none", first.get("compressCodec").asText());
        assertEquals("k0", first.get("records").get(0).get("key").asText());
        assertEquals("v0", first.get("records").get(0).get("payload").asText());
        assertEquals(0, file.get("invalidBytes").asLong());
    }

    @Test
    void aFileThatCannotBeReadIsOneLineAfterTheOthers() throws IOException {
        File log = segment(0);
        Path missing = dir.resolve("00000000000000000099.log");
        assertEquals(1, run("--files", missing + "," + log));
        assertTrue(out().startsWith("Dumping " + log + "\n"), out());
        assertEquals("samsa-dump-log: " + missing + ": no such file\n", err());
        errBytes.reset();
        Path other = Files.writeString(dir.resolve("notes.txt"), "x");
        assertEquals(0, run("--files", other.toString()));
        assertEquals("Ignoring unknown file " + other + "\n", err());
        errBytes.reset();
        Path badName = Files.writeString(dir.resolve("segment.log"), "");
        assertEquals(1, run("--files", badName.toString()));
        assertTrue(err().startsWith("samsa-dump-log: " + badName + ": not a log file name"), err());
    }

    // --- helpers

    /** A segment with a batch of two records (producer 7, headers, a null key) and a gzip batch of one. */
    private File segment(long base) throws IOException {
        MemoryRecordsBuilder a = new MemoryRecordsBuilder(CompressionType.NONE, base).producerState(7, (short) 0, 0)
                .partitionLeaderEpoch(3);
        a.append(T, bytes("k0"), bytes("v0"), new Header[] {new Header("h1", "x".getBytes(StandardCharsets.UTF_8)),
                new Header("h2", (byte[]) null)});
        a.append(T + 1, null, bytes("v1"), Header.EMPTY);
        MemoryRecordsBuilder b = new MemoryRecordsBuilder(CompressionType.GZIP, base + 2);
        b.append(T + 2, bytes("k2"), null, Header.EMPTY);
        MemoryRecords first = a.build();
        MemoryRecords second = b.build();
        ByteBuffer both = ByteBuffer.allocate(first.sizeInBytes() + second.sizeInBytes());
        both.put(first.buffer().duplicate()).put(second.buffer().duplicate()).flip();
        return write(base, MemoryRecords.readableRecords(both));
    }

    private File write(long base, MemoryRecords records) throws IOException {
        File log = LogFileNames.logFile(dir.toFile(), base);
        try (FileRecords f = FileRecords.open(log)) {
            f.append(records.buffer().duplicate());
            f.flush();
        }
        return log;
    }

    private static ByteBuffer txnKey(short version, String id) {
        byte[] name = id.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(4 + name.length);
        b.putShort(version).putShort((short) name.length).put(name).flip();
        return b;
    }

    /** Version 0: producer 17, epoch 2, Ongoing, orders-3, orders-0 and pay-1. */
    private static ByteBuffer txnValueV0() {
        ByteBuffer b = ByteBuffer.allocate(200);
        b.putShort((short) 0).putLong(17).putShort((short) 2).putInt(60_000).put((byte) 1);
        b.putInt(2);
        b.putShort((short) 6).put("orders".getBytes(StandardCharsets.UTF_8)).putInt(2).putInt(3).putInt(0);
        b.putShort((short) 3).put("pay".getBytes(StandardCharsets.UTF_8)).putInt(1).putInt(1);
        b.putLong(T + 5).putLong(T);
        return b.flip();
    }

    /** Version 1 (flexible): producer 18, epoch 0, CompleteCommit, x-2. */
    private static ByteBuffer txnValueV1() {
        ByteBuffer b = ByteBuffer.allocate(200);
        b.putShort((short) 1).putLong(18).putShort((short) 0).putInt(1000).put((byte) 4);
        b.put((byte) 2); // one topic, as a compact array length
        b.put((byte) 2).put("x".getBytes(StandardCharsets.UTF_8)).put((byte) 2).putInt(2).put((byte) 0);
        b.putLong(T + 6).putLong(T).put((byte) 0);
        return b.flip();
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return ToolRunner.execute(new DumpLogCommand(), args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }
}
