package io.samsa.systest.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Apache kafka-clients 3.9.1 producer and consumer against the broker under test: acks=1 and
 * acks=all with each codec (acks=all with the client's default idempotence), assign + seek, offsetsForTimes, beginning and end
 * offsets. Every record is compared field by field with what was sent.
 */
@Tag("system")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaJavaClientsSystemTest {

    @RegisterExtension
    static final SharedBroker SHARED = new SharedBroker("java-clients");

    private static final Duration POLL_DEADLINE = Duration.ofSeconds(30);

    @ParameterizedTest(name = "acks={0} compression={1}")
    @CsvSource({"1,none", "all,none", "all,gzip", "1,snappy", "all,lz4", "1,zstd"})
    void producesAndConsumesExactly(String acks, String compression) throws Exception {
        String topic = "java-acks" + acks + "-" + compression;
        int partitions = 3;
        int count = 30;
        Topics.create(SHARED.admin(), topic, partitions);

        List<ProducerRecord<String, String>> sent = new ArrayList<>();
        List<RecordMetadata> acked = new ArrayList<>();
        // Only flush() sends (the linger outlasts the test), so each partition gets exactly one batch.
        try (KafkaProducer<String, String> producer = ClientConfigs.producer(SHARED.broker(), acks, compression, 600_000)) {
            List<Future<RecordMetadata>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, i % partitions, null, "k" + i,
                        "value-" + i + "-" + "payload".repeat(i % 5),
                        List.of(new RecordHeader("idx", Integer.toString(i).getBytes(StandardCharsets.UTF_8))));
                sent.add(record);
                futures.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> f : futures) {
                acked.add(f.get(30, TimeUnit.SECONDS));
            }
        }
        for (int i = 0; i < count; i++) {
            assertEquals(i % partitions, acked.get(i).partition());
            assertEquals(i / partitions, acked.get(i).offset(), "offset of record " + i);
        }

        List<ConsumerRecord<String, String>> all;
        try (KafkaConsumer<String, String> consumer = ClientConfigs.consumer(SHARED.broker())) {
            List<TopicPartition> tps = partitions(topic, partitions);
            consumer.assign(tps);
            tps.forEach(tp -> consumer.seek(tp, 0));
            all = pollUntil(consumer, count);
        }
        assertEquals(count, all.size());
        Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = byPartition(all);
        for (int i = 0; i < count; i++) {
            ConsumerRecord<String, String> got = byPartition.get(new TopicPartition(topic, i % partitions)).get(i / partitions);
            assertSame(sent.get(i), acked.get(i), got);
        }

        // Seeking into the middle of the batch returns exactly the records from that offset on.
        try (KafkaConsumer<String, String> consumer = ClientConfigs.consumer(SHARED.broker())) {
            TopicPartition tp = new TopicPartition(topic, 1);
            consumer.assign(List.of(tp));
            consumer.seek(tp, 4);
            List<ConsumerRecord<String, String>> tail = pollUntil(consumer, count / partitions - 4);
            assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L), tail.stream().map(ConsumerRecord::offset).toList());
            assertEquals("k13", tail.get(0).key());
        }

        for (int p = 0; p < partitions; p++) {
            List<RawFetch.Batch> batches = RawFetch.batches(SHARED.admin(), topic, p);
            assertEquals(1, batches.size(), "the batches of " + topic + "-" + p);
            RawFetch.Batch b = batches.get(0);
            assertEquals(0, b.baseOffset());
            assertEquals(count / partitions - 1, b.lastOffset());
            assertEquals(compression, b.compression());
            assertTrue(b.crcValid());
            assertEquals(acks.equals("all"), b.producerId() >= 0, "idempotent (default) producers stamp a producer id: " + b);
        }
    }

    @Test
    void offsetsForTimesFindsTheFirstOffsetAtOrAfterEachTimestamp() throws Exception {
        String topic = "java-times";
        Topics.create(SHARED.admin(), topic, 1);
        TopicPartition tp = new TopicPartition(topic, 0);
        long base = System.currentTimeMillis() - 3_600_000L; // recent: a fixed old date is past retention
        // Six records in two batches (a linger longer than the test: only flush() sends): timestamps
        // base, +10, ..., +50.
        try (KafkaProducer<String, String> producer = ClientConfigs.producer(SHARED.broker(), "all", "none", 600_000)) {
            for (int batch = 0; batch < 2; batch++) {
                List<Future<RecordMetadata>> futures = new ArrayList<>();
                for (int i = batch * 3; i < batch * 3 + 3; i++) {
                    futures.add(producer.send(new ProducerRecord<>(topic, 0, base + 10L * i, "k" + i, "v" + i)));
                }
                producer.flush();
                for (int i = 0; i < 3; i++) {
                    RecordMetadata md = futures.get(i).get(30, TimeUnit.SECONDS);
                    assertEquals(batch * 3 + i, md.offset());
                    assertEquals(base + 10L * (batch * 3 + i), md.timestamp());
                }
            }
        }
        assertEquals(2, RawFetch.batches(SHARED.admin(), topic, 0).size(), "records were meant to form two batches");

        try (KafkaConsumer<String, String> consumer = ClientConfigs.consumer(SHARED.broker())) {
            assertEquals(Map.of(tp, 0L), consumer.beginningOffsets(List.of(tp)));
            assertEquals(Map.of(tp, 6L), consumer.endOffsets(List.of(tp)));

            Map<Long, Long> expected = new LinkedHashMap<>();
            expected.put(base - 1_000, 0L);   // before everything: the first record
            expected.put(base, 0L);           // exact match on the first record
            expected.put(base + 5, 1L);       // between records inside the first batch
            expected.put(base + 20, 2L);      // exact match on the last record of the first batch
            expected.put(base + 21, 3L);      // across the batch boundary
            expected.put(base + 40, 4L);      // exact match inside the second batch
            expected.put(base + 49, 5L);
            expected.put(base + 50, 5L);      // the last record
            for (Map.Entry<Long, Long> e : expected.entrySet()) {
                OffsetAndTimestamp found = consumer.offsetsForTimes(Map.of(tp, e.getKey())).get(tp);
                assertEquals(e.getValue(), found == null ? null : found.offset(), "offset for timestamp " + e.getKey());
                assertEquals(base + 10L * e.getValue(), found.timestamp(), "timestamp for " + e.getKey());
            }
            assertNull(consumer.offsetsForTimes(Map.of(tp, base + 51)).get(tp), "no record at or after the last timestamp");

            // seek to an offsetsForTimes answer and read from there, timestamps as produced.
            consumer.assign(List.of(tp));
            consumer.seek(tp, consumer.offsetsForTimes(Map.of(tp, base + 25)).get(tp).offset());
            List<ConsumerRecord<String, String>> records = pollUntil(consumer, 3);
            assertEquals(List.of(3L, 4L, 5L), records.stream().map(ConsumerRecord::offset).toList());
            for (ConsumerRecord<String, String> r : records) {
                assertEquals(base + 10L * r.offset(), r.timestamp());
                assertEquals(TimestampType.CREATE_TIME, r.timestampType());
                assertEquals("v" + r.offset(), r.value());
            }
        }
    }

    private static void assertSame(ProducerRecord<String, String> sent, RecordMetadata acked,
            ConsumerRecord<String, String> got) {
        String what = "record " + sent.key();
        assertEquals(acked.offset(), got.offset(), what);
        assertEquals(sent.key(), got.key(), what);
        assertEquals(sent.value(), got.value(), what);
        assertEquals(acked.timestamp(), got.timestamp(), what);
        assertEquals(TimestampType.CREATE_TIME, got.timestampType(), what);
        List<String> sentHeaders = new ArrayList<>();
        for (Header h : sent.headers()) {
            sentHeaders.add(h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8));
        }
        List<String> gotHeaders = new ArrayList<>();
        for (Header h : got.headers()) {
            gotHeaders.add(h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8));
        }
        assertEquals(sentHeaders, gotHeaders, what);
    }

    /** Polls until exactly {@code count} records arrived (failing on more, or on the deadline). */
    static List<ConsumerRecord<String, String>> pollUntil(KafkaConsumer<String, String> consumer, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + POLL_DEADLINE.toNanos();
        while (records.size() < count) {
            assertFalse(System.nanoTime() > deadline, "only " + records.size() + " of " + count + " records within " + POLL_DEADLINE);
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        // One more short poll: nothing beyond what was produced may show up.
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        assertEquals(count, records.size(), "records beyond the expected ones");
        return records;
    }

    private static List<TopicPartition> partitions(String topic, int count) {
        List<TopicPartition> tps = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            tps.add(new TopicPartition(topic, p));
        }
        return tps;
    }

    private static Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition(
            List<ConsumerRecord<String, String>> records) {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> map = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            map.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), k -> new ArrayList<>()).add(r);
        }
        return map;
    }
}
