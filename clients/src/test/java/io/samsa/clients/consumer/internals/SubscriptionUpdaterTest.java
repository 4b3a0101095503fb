package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerConfig;
import io.samsa.clients.consumer.OffsetResetStrategy;
import io.samsa.clients.internals.ClientIoThread;
import io.samsa.clients.internals.ClientMetadata;
import io.samsa.clients.internals.NetworkClient;
import io.samsa.clients.internals.NetworkClientSettings;
import io.samsa.common.MockTime;
import io.samsa.common.TopicPartition;
import io.samsa.common.serialization.StringDeserializer;
import io.samsa.protocol.MemoryRecordsData;
import io.samsa.protocol.message.FetchResponse;
import io.samsa.record.CompressionType;
import io.samsa.record.MemoryRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subscription changes reach the subscription, the metadata's topics and the fetch buffer, with Kafka's checks. */
class SubscriptionUpdaterTest {

    private static final TopicPartition T0 = new TopicPartition("t", 0);
    private static final TopicPartition T1 = new TopicPartition("t", 1);

    private final MockTime time = new MockTime();
    private final ScriptedSender sender = new ScriptedSender(time);
    private final ClientMetadata metadata = ScriptedSender.metadata(time, "t", 2);
    private final NetworkClient network = new NetworkClient("test", NetworkClientSettings.defaults(), time);
    private final ClientIoThread io = new ClientIoThread("test-io", network, metadata, false, 30_000, time);
    private final SubscriptionState subscriptions = new SubscriptionState(OffsetResetStrategy.EARLIEST);
    private final ApplicationThreadWaiter waiter = new ApplicationThreadWaiter(time);
    private final ConsumerMetrics metrics = new ConsumerMetrics("c1", true, time, subscriptions::numAssignedPartitions);
    private final ConsumerSettings settings = ConsumerSettings.from(new ConsumerConfig(new HashMap<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "h:1", ConsumerConfig.GROUP_ID_CONFIG, "g",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))));
    private final Fetcher<String, String> fetcher = new Fetcher<>(settings, sender, metadata, subscriptions, waiter,
            new StringDeserializer(), new StringDeserializer(), metrics);

    @AfterEach
    void close() {
        network.close();
    }

    private SubscriptionUpdater withoutGroup() {
        return new SubscriptionUpdater(subscriptions, metadata, fetcher, null, time, 1000);
    }

    private SubscriptionUpdater withGroup() {
        ConsumerCoordinator coordinator = new ConsumerCoordinator(io, subscriptions, waiter, time, settings, metrics);
        return new SubscriptionUpdater(subscriptions, metadata, fetcher, coordinator, time, 1000);
    }

    @Test
    void assigningByHandTracksTheTopicsAndDropsRecordsOfPartitionsGivenUp() {
        SubscriptionUpdater updater = withoutGroup();
        updater.assign(List.of(T0, T1));
        assertEquals(SubscriptionState.Type.USER_ASSIGNED, subscriptions.type());
        assertEquals(Set.of("t"), metadata.topics());
        subscriptions.seek(T0, 0);
        subscriptions.seek(T1, 0);
        fetcher.sendFetches(time.milliseconds());
        MemoryRecords records = MemoryRecords.builder(CompressionType.NONE, 0)
                .append(1, "k".getBytes(StandardCharsets.UTF_8), "v".getBytes(StandardCharsets.UTF_8)).build();
        sender.last().answer(new FetchResponse().setResponses(List.of(new FetchResponse.FetchableTopicResponse().setTopic("t")
                .setPartitions(new ArrayList<>(List.of(new FetchResponse.PartitionData().setPartitionIndex(0)
                        .setHighWatermark(1).setRecords(new MemoryRecordsData(records.buffer()))))))));
        subscriptions.pause(T0);
        assertTrue(fetcher.collect().isEmpty(), "t-0 is paused: its record stays buffered");

        updater.assign(List.of(T1));
        assertEquals(Set.of(T1), subscriptions.assignedPartitions());
        updater.assign(List.of(T0, T1));
        subscriptions.seek(T0, 0);
        assertTrue(fetcher.collect().isEmpty(), "t-0's buffered record went when t-0 was given up");

        updater.assign(List.of());
        assertEquals(SubscriptionState.Type.NONE, subscriptions.type());
        assertEquals(Set.of(), metadata.topics());
    }

    @Test
    void badAssignmentsAreRefusedWithKafkasMessages() {
        SubscriptionUpdater updater = withoutGroup();
        assertEquals("Topic partition collection to assign to cannot be null",
                assertThrows(IllegalArgumentException.class, () -> updater.assign(null)).getMessage());
        assertEquals("Topic partitions to assign to cannot have null or empty topic",
                assertThrows(IllegalArgumentException.class, () -> updater.assign(Arrays.asList(T0, null))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> updater.assign(List.of(new TopicPartition(" ", 0))));
        assertEquals(SubscriptionState.Type.NONE, subscriptions.type(), "nothing changed");
    }

    @Test
    void subscribingToTopicsOrAPatternAndUnsubscribing() {
        SubscriptionUpdater updater = withGroup();
        updater.subscribe(List.of("t", "u"), null);
        assertEquals(Set.of("t", "u"), subscriptions.subscription());
        assertEquals(Set.of("t", "u"), metadata.topics());
        updater.unsubscribe();
        assertEquals(SubscriptionState.Type.NONE, subscriptions.type());
        assertEquals(Set.of(), metadata.topics());

        updater.subscribe(Pattern.compile("t.*"), null);
        assertTrue(subscriptions.hasPatternSubscription());
        assertTrue(metadata.wantsAllTopics());
        updater.subscribe(List.of(), null);
        assertEquals(SubscriptionState.Type.NONE, subscriptions.type(), "an empty subscription unsubscribes");
        assertFalse(metadata.wantsAllTopics());
    }

    @Test
    void badSubscriptionsAreRefusedWithKafkasMessages() {
        SubscriptionUpdater updater = withGroup();
        assertEquals("Topic collection to subscribe to cannot be null",
                assertThrows(IllegalArgumentException.class, () -> updater.subscribe((List<String>) null, null)).getMessage());
        assertEquals("Topic collection to subscribe to cannot contain null or empty topic",
                assertThrows(IllegalArgumentException.class, () -> updater.subscribe(Arrays.asList("t", null), null))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> updater.subscribe(List.of(""), null));
        assertEquals("Topic pattern to subscribe to cannot be null",
                assertThrows(IllegalArgumentException.class, () -> updater.subscribe((Pattern) null, null)).getMessage());
        assertEquals("Topic pattern to subscribe to cannot be empty",
                assertThrows(IllegalArgumentException.class, () -> updater.subscribe(Pattern.compile(""), null)).getMessage());
        assertEquals(SubscriptionState.Type.NONE, subscriptions.type(), "nothing changed");
    }
}
