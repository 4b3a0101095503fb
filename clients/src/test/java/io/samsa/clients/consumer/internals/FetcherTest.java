package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerConfig;
import io.samsa.clients.consumer.ConsumerRecord;
import io.samsa.clients.consumer.OffsetResetStrategy;
import io.samsa.clients.internals.ClientMetadata;
import io.samsa.common.Errors;
import io.samsa.common.MockTime;
import io.samsa.common.TopicPartition;
import io.samsa.common.serialization.StringDeserializer;
import io.samsa.protocol.MemoryRecordsData;
import io.samsa.protocol.message.FetchRequest;
import io.samsa.protocol.message.FetchResponse;
import io.samsa.record.CompressionType;
import io.samsa.record.MemoryRecords;
import io.samsa.record.MemoryRecordsBuilder;
import io.samsa.record.Record;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fetcher against a scripted broker on a mock clock: what it hands the application, and the
 * {@code consumer-fetch-manager-metrics} it records on the way.
 */
class FetcherTest {

    private static final TopicPartition TP0 = new TopicPartition("t", 0);
    private static final TopicPartition TP1 = new TopicPartition("t", 1);

    private final MockTime time = new MockTime();
    private final ScriptedSender sender = new ScriptedSender(time);
    private final ClientMetadata metadata = ScriptedSender.metadata(time, "t", 2);
    private final SubscriptionState subscriptions = new SubscriptionState(OffsetResetStrategy.EARLIEST);
    private final ConsumerMetrics metrics = new ConsumerMetrics("c1", false, time, subscriptions::numAssignedPartitions);

    private Fetcher<String, String> fetcher(int maxPollRecords) {
        Map<String, Object> props = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "h:1",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxPollRecords),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        ConsumerSettings settings = ConsumerSettings.from(new ConsumerConfig(props));
        subscriptions.assignFromUser(List.of(TP0, TP1));
        subscriptions.seek(TP0, 0);
        subscriptions.seek(TP1, 0);
        return new Fetcher<>(settings, sender, metadata, subscriptions, new ApplicationThreadWaiter(time),
                new StringDeserializer(), new StringDeserializer(), metrics);
    }

    private static MemoryRecords batch(long base, int count) {
        MemoryRecordsBuilder b = MemoryRecords.builder(CompressionType.NONE, base);
        for (int i = 0; i < count; i++) {
            b.append(1000 + base + i, ("k" + (base + i)).getBytes(StandardCharsets.UTF_8),
                    ("v" + (base + i)).getBytes(StandardCharsets.UTF_8));
        }
        return b.build();
    }

    /** Bytes of the records themselves, as Kafka counts bytes consumed (batch headers not included). */
    private static int recordBytes(MemoryRecords records) {
        int n = 0;
        for (Record r : records.records()) {
            n += r.sizeInBytes();
        }
        return n;
    }

    private static FetchResponse.PartitionData partition(int index, MemoryRecords records, long highWatermark) {
        return new FetchResponse.PartitionData().setPartitionIndex(index).setHighWatermark(highWatermark)
                .setLastStableOffset(highWatermark).setLogStartOffset(0)
                .setRecords(new MemoryRecordsData(records.buffer().duplicate()));
    }

    private static FetchResponse response(FetchResponse.PartitionData... partitions) {
        return new FetchResponse().setResponses(List.of(new FetchResponse.FetchableTopicResponse().setTopic("t")
                .setPartitions(new ArrayList<>(List.of(partitions)))));
    }

    private double metric(String name) {
        return (Double) ScriptedSender.metric(metrics, "consumer-fetch-manager-metrics", name, "c1");
    }

    private static int count(Map<TopicPartition, List<ConsumerRecord<String, String>>> records) {
        int n = 0;
        for (List<ConsumerRecord<String, String>> l : records.values()) {
            n += l.size();
        }
        return n;
    }

    @Test
    void aFetchResponseIsRecordedOnceTheApplicationHasAllItsRecords() {
        Fetcher<String, String> fetcher = fetcher(500);
        assertEquals(1, fetcher.sendFetches(time.milliseconds()));
        MemoryRecords five = batch(0, 5);
        MemoryRecords three = batch(0, 3);
        time.advance(20);
        sender.last().answer(response(partition(0, five, 15), partition(1, three, 3)));

        Map<TopicPartition, List<ConsumerRecord<String, String>>> records = fetcher.collect();
        assertEquals(8, count(records));
        assertEquals(List.of(TP0, TP1), List.copyOf(records.keySet()));

        int bytes = recordBytes(five) + recordBytes(three);
        assertEquals(1.0, metric("fetch-total"));
        assertEquals(20.0, metric("fetch-latency-avg"));
        assertEquals(20.0, metric("fetch-latency-max"));
        assertEquals(8.0, metric("records-consumed-total"));
        assertEquals(bytes, metric("bytes-consumed-total"));
        assertEquals(8.0, metric("records-per-request-avg"));
        assertEquals(bytes, metric("fetch-size-avg"));
        assertEquals(10.0, metric("records-lag-max"), "t-0 is at 5 of 15");
        assertEquals(8 / 30.0, metric("records-consumed-rate"), 1e-9, "a young window counts as 30 s");
        assertEquals(1 / 30.0, metric("fetch-rate"), 1e-9);
        assertEquals(bytes / 30.0, metric("bytes-consumed-rate"), 1e-9);

        // A second, empty-handed fetch: one more request of 0 records and 0 bytes.
        fetcher.sendFetches(time.milliseconds());
        time.advance(40);
        sender.last().answer(response(partition(0, MemoryRecords.EMPTY, 15), partition(1, MemoryRecords.EMPTY, 3)));
        assertTrue(fetcher.collect().isEmpty());
        assertEquals(2.0, metric("fetch-total"));
        assertEquals(30.0, metric("fetch-latency-avg"));
        assertEquals(40.0, metric("fetch-latency-max"));
        assertEquals(4.0, metric("records-per-request-avg"));
        assertEquals(8.0, metric("records-consumed-total"));
    }

    @Test
    void recordsSplitOverPollsCountWhenTheLastOfTheResponseIsTaken() {
        Fetcher<String, String> fetcher = fetcher(3);
        fetcher.sendFetches(time.milliseconds());
        sender.last().answer(response(partition(0, batch(0, 5), 5), partition(1, batch(0, 2), 2)));
        assertEquals(3, count(fetcher.collect()));
        assertEquals(0.0, metric("records-consumed-total"), "the response is not drained yet");
        assertTrue(Double.isNaN(metric("records-per-request-avg")));
        assertEquals(3, count(fetcher.collect()));
        assertEquals(0.0, metric("records-consumed-total"));
        assertEquals(1, count(fetcher.collect()));
        assertEquals(7.0, metric("records-consumed-total"));
        assertEquals(7.0, metric("records-per-request-avg"));
        assertEquals(2.0, metric("records-lag-max"), "the largest in the window: t-0 at 3 of 5 after the first poll");
    }

    @Test
    void droppedAndFailedPartitionsCountWithWhatWasTakenFromThem() {
        Fetcher<String, String> fetcher = fetcher(2);
        fetcher.sendFetches(time.milliseconds());
        FetchResponse.PartitionData failed = new FetchResponse.PartitionData().setPartitionIndex(1)
                .setErrorCode(Errors.NOT_LEADER_OR_FOLLOWER.code());
        sender.last().answer(response(partition(0, batch(0, 5), 5), failed));
        assertEquals(2, count(fetcher.collect()));
        subscriptions.seek(TP0, 0);
        assertTrue(fetcher.collect().isEmpty(), "the sought partition's buffered records are dropped");
        assertEquals(2.0, metric("records-consumed-total"), "the two returned before the seek");
        assertEquals(2.0, metric("records-per-request-avg"));
    }

    @Test
    void aResponseWithoutPartitionsIsNotARequestOfNoRecords() {
        Fetcher<String, String> fetcher = fetcher(500);
        fetcher.sendFetches(time.milliseconds());
        sender.last().answer(response(partition(0, batch(0, 4), 4)));
        fetcher.collect();
        fetcher.sendFetches(time.milliseconds());
        sender.last().answer(new FetchResponse());
        fetcher.collect();
        assertEquals(2.0, metric("fetch-total"));
        assertEquals(4.0, metric("records-per-request-avg"), "an incremental answer with nothing new is left out");
    }

    private List<TopicPartition> fetched(ScriptedSender.Sent sent) {
        List<TopicPartition> out = new ArrayList<>();
        FetchRequest request = sent.body();
        for (FetchRequest.FetchTopic t : request.topics()) {
            for (FetchRequest.FetchPartition p : t.partitions()) {
                out.add(new TopicPartition(t.topic(), p.partition()));
            }
        }
        return out;
    }

    @Test
    void onlyPartitionsWithNothingBufferedAreFetchedAndOnlyFromIdleBrokers() {
        Fetcher<String, String> fetcher = fetcher(2);
        assertEquals(1, fetcher.sendFetches(time.milliseconds()));
        assertEquals(List.of(TP0, TP1), fetched(sender.last()));
        assertEquals(0, fetcher.sendFetches(time.milliseconds()), "the broker has a fetch in flight");
        assertFalse(fetcher.hasAvailable());
        sender.last().answer(response(partition(1, MemoryRecords.EMPTY, 0), partition(0, batch(0, 5), 5)));
        assertTrue(fetcher.hasAvailable());
        assertEquals(List.of(0L, 1L), fetcher.collect().get(TP0).stream().map(ConsumerRecord::offset).toList());
        assertTrue(fetcher.hasAvailable(), "three records of t-0 are still buffered");
        assertEquals(1, fetcher.sendFetches(time.milliseconds()));
        assertEquals(List.of(TP1), fetched(sender.last()), "t-0 still has buffered records");
        subscriptions.pause(TP0);
        assertFalse(fetcher.hasAvailable(), "a paused partition's records are kept but not available");
        assertTrue(fetcher.collect().isEmpty());
        subscriptions.resume(TP0);
        assertEquals(List.of(2L, 3L), fetcher.collect().get(TP0).stream().map(ConsumerRecord::offset).toList());
    }
}
