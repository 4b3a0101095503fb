package io.samsa.clients.consumer.internals;

import static io.samsa.clients.consumer.KafkaAssignorTypes.bytes;
import static io.samsa.clients.consumer.KafkaAssignorTypes.fromKafka;
import static io.samsa.clients.consumer.KafkaAssignorTypes.toKafka;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.samsa.clients.consumer.ConsumerPartitionAssignor.Assignment;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.samsa.common.TopicPartition;
import io.samsa.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Samsa's consumer protocol codec against kafka-clients 3.9.1's: at every version, both write the
 * same bytes for the same subscription or assignment, and each reads what the other wrote.
 */
class ConsumerProtocolTest {

    private static final String[] TOPICS = {"orders", "payments", "tøpic-ü", "a", "z.topic_9", "x"};

    @ParameterizedTest(name = "v{0}")
    @ValueSource(shorts = {0, 1, 2, 3})
    void subscriptionsAreByteIdenticalAndCrossReadable(short version) {
        Random random = new Random(1000 + version);
        for (int i = 0; i < 300; i++) {
            Subscription ours = randomSubscription(random);
            ByteBuffer oursBytes = ConsumerProtocol.serializeSubscription(ours, version);
            ByteBuffer kafkaBytes = org.apache.kafka.clients.consumer.internals.ConsumerProtocol
                .serializeSubscription(toKafka(ours), version);
            assertArrayEquals(bytes(kafkaBytes), bytes(oursBytes), () -> "bytes of " + ours);

            Subscription expected = expectedAt(ours, version);
            assertSameSubscription(expected, fromKafka(
                org.apache.kafka.clients.consumer.internals.ConsumerProtocol.deserializeSubscription(oursBytes.duplicate())));
            assertSameSubscription(expected, ConsumerProtocol.deserializeSubscription(kafkaBytes.duplicate()));
        }
    }

    @Test
    void subscriptionsAreWrittenAtVersionThreeByDefaultLikeKafka() {
        Subscription s = fullSubscription();
        ByteBuffer ours = ConsumerProtocol.serializeSubscription(s);
        assertEquals(3, ours.getShort(0));
        assertArrayEquals(bytes(org.apache.kafka.clients.consumer.internals.ConsumerProtocol.serializeSubscription(toKafka(s))),
            bytes(ours));
    }

    @ParameterizedTest(name = "v{0}")
    @ValueSource(shorts = {0, 1, 2, 3})
    void assignmentsAreByteIdenticalAndCrossReadable(short version) {
        Random random = new Random(2000 + version);
        for (int i = 0; i < 300; i++) {
            Assignment ours = new Assignment(randomPartitions(random, 12), randomUserData(random));
            ByteBuffer oursBytes = ConsumerProtocol.serializeAssignment(ours, version);
            ByteBuffer kafkaBytes = org.apache.kafka.clients.consumer.internals.ConsumerProtocol
                .serializeAssignment(toKafka(ours), version);
            assertArrayEquals(bytes(kafkaBytes), bytes(oursBytes), () -> "bytes of " + ours);

            // Both group partitions by topic, in the order topics first appear.
            Assignment kafkaRead = fromKafka(
                org.apache.kafka.clients.consumer.internals.ConsumerProtocol.deserializeAssignment(oursBytes.duplicate()));
            Assignment oursRead = ConsumerProtocol.deserializeAssignment(kafkaBytes.duplicate());
            assertEquals(kafkaRead.partitions(), oursRead.partitions());
            assertEquals(sortedByTopicFirstSeen(ours.partitions()), oursRead.partitions());
            assertSameBytes(ours.userData(), oursRead.userData());
            assertSameBytes(ours.userData(), kafkaRead.userData());
        }
    }

    @Test
    void assignmentsAreWrittenAtVersionThreeByDefaultLikeKafka() {
        Assignment a = new Assignment(List.of(new TopicPartition("t", 1), new TopicPartition("s", 0)));
        ByteBuffer ours = ConsumerProtocol.serializeAssignment(a);
        assertEquals(3, ours.getShort(0));
        assertArrayEquals(bytes(org.apache.kafka.clients.consumer.internals.ConsumerProtocol.serializeAssignment(toKafka(a))),
            bytes(ours));
    }

    /** A later version may only append fields: both read it as the highest known one and ignore the rest. */
    @Test
    void newerVersionsAreReadAsTheHighestKnownIgnoringAppendedFields() {
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            Subscription s = randomSubscription(random);
            ByteBuffer future = withVersionAndTrailer(ConsumerProtocol.serializeSubscription(s, (short) 3), (short) 9);
            Subscription expected = expectedAt(s, (short) 3);
            assertSameSubscription(expected, ConsumerProtocol.deserializeSubscription(future.duplicate()));
            assertSameSubscription(expected, fromKafka(
                org.apache.kafka.clients.consumer.internals.ConsumerProtocol.deserializeSubscription(future.duplicate())));

            Assignment a = new Assignment(randomPartitions(random, 5), randomUserData(random));
            ByteBuffer futureAssignment = withVersionAndTrailer(ConsumerProtocol.serializeAssignment(a, (short) 3), (short) 5);
            assertEquals(sortedByTopicFirstSeen(a.partitions()),
                ConsumerProtocol.deserializeAssignment(futureAssignment.duplicate()).partitions());
        }
        // Writing a version above the highest known writes the highest known, as Kafka does.
        Subscription s = fullSubscription();
        assertEquals(3, ConsumerProtocol.serializeSubscription(s, (short) 7).getShort(0));
    }

    @Test
    void malformedInputIsAProtocolException() {
        Subscription s = fullSubscription();
        byte[] full = bytes(ConsumerProtocol.serializeSubscription(s));
        for (int length = 0; length < full.length; length++) {
            ByteBuffer truncated = ByteBuffer.wrap(full, 0, length);
            assertThrows(ProtocolException.class, () -> ConsumerProtocol.deserializeSubscription(truncated.duplicate()),
                "truncated to " + length);
        }
        byte[] assignment = bytes(ConsumerProtocol.serializeAssignment(new Assignment(List.of(new TopicPartition("t", 0)))));
        for (int length = 0; length < assignment.length - 4; length++) {
            ByteBuffer truncated = ByteBuffer.wrap(assignment, 0, length);
            assertThrows(ProtocolException.class, () -> ConsumerProtocol.deserializeAssignment(truncated.duplicate()),
                "truncated to " + length);
        }
        ByteBuffer negativeVersion = ByteBuffer.allocate(10).putShort((short) -1).putInt(0).putInt(-1).flip();
        assertThrows(ProtocolException.class, () -> ConsumerProtocol.deserializeSubscription(negativeVersion));
        ByteBuffer nullTopics = ByteBuffer.allocate(10).putShort((short) 0).putInt(-1).putInt(-1).flip();
        assertThrows(ProtocolException.class, () -> ConsumerProtocol.deserializeSubscription(nullTopics));
    }

    @Test
    void nullAndEmptyUserDataStayDistinct() {
        Subscription withNull = new Subscription(List.of("t"), null);
        Subscription withEmpty = new Subscription(List.of("t"), ByteBuffer.allocate(0));
        assertNull(ConsumerProtocol.deserializeSubscription(ConsumerProtocol.serializeSubscription(withNull)).userData());
        assertEquals(0, ConsumerProtocol.deserializeSubscription(ConsumerProtocol.serializeSubscription(withEmpty))
            .userData().remaining());
    }

    @Test
    void serializingLeavesTheUserDataBufferWhereItWas() {
        ByteBuffer userData = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5});
        userData.position(2);
        ConsumerProtocol.serializeSubscription(new Subscription(List.of("t"), userData));
        ConsumerProtocol.serializeAssignment(new Assignment(List.of(), userData));
        assertEquals(2, userData.position());
        Subscription read = ConsumerProtocol.deserializeSubscription(
            ConsumerProtocol.serializeSubscription(new Subscription(List.of("t"), userData)));
        assertArrayEquals(new byte[] {3, 4, 5}, bytes(read.userData()));
    }

    // ---- helpers

    /** What a subscription looks like after a round trip through {@code version}. */
    private static Subscription expectedAt(Subscription s, short version) {
        List<String> topics = new ArrayList<>(s.topics());
        topics.sort(null);
        List<TopicPartition> owned = new ArrayList<>(version >= 1 ? s.ownedPartitions() : List.of());
        owned.sort(null);
        int generation = version >= 2 ? s.generationId().orElse(-1) : -1;
        Optional<String> rack = version >= 3 ? s.rackId().filter(r -> !r.isEmpty()) : Optional.empty();
        return new Subscription(topics, s.userData(), owned, generation, rack);
    }

    private static void assertSameSubscription(Subscription expected, Subscription actual) {
        assertEquals(expected.topics(), actual.topics());
        assertSameBytes(expected.userData(), actual.userData());
        assertEquals(expected.ownedPartitions(), actual.ownedPartitions());
        assertEquals(expected.generationId(), actual.generationId());
        assertEquals(expected.rackId(), actual.rackId());
    }

    private static void assertSameBytes(ByteBuffer expected, ByteBuffer actual) {
        if (expected == null) {
            assertNull(actual);
        } else {
            assertArrayEquals(bytes(expected), bytes(actual));
        }
    }

    private static List<TopicPartition> sortedByTopicFirstSeen(List<TopicPartition> partitions) {
        List<String> order = partitions.stream().map(TopicPartition::topic).distinct().toList();
        List<TopicPartition> out = new ArrayList<>(partitions);
        out.sort((a, b) -> Integer.compare(order.indexOf(a.topic()), order.indexOf(b.topic())));
        return out;
    }

    private static ByteBuffer withVersionAndTrailer(ByteBuffer encoded, short version) {
        byte[] body = bytes(encoded);
        ByteBuffer out = ByteBuffer.allocate(body.length + 7);
        out.put(body).putShort(0, version);
        out.position(body.length);
        out.putInt(42).putShort((short) 0).put((byte) 1);
        return out.flip();
    }

    static Subscription randomSubscription(Random random) {
        List<String> topics = new ArrayList<>();
        int topicCount = random.nextInt(5);
        for (int i = 0; i < topicCount; i++) {
            topics.add(TOPICS[random.nextInt(TOPICS.length)] + (random.nextBoolean() ? "" : i));
        }
        int generation = random.nextInt(4) == 0 ? -1 : random.nextInt(1000);
        Optional<String> rack = switch (random.nextInt(4)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of("");
            default -> Optional.of("rack-" + random.nextInt(3));
        };
        return new Subscription(topics, randomUserData(random), randomPartitions(random, 10), generation, rack);
    }

    private static List<TopicPartition> randomPartitions(Random random, int max) {
        List<TopicPartition> out = new ArrayList<>();
        int count = random.nextInt(max + 1);
        for (int i = 0; i < count; i++) {
            TopicPartition tp = new TopicPartition(TOPICS[random.nextInt(TOPICS.length)], random.nextInt(20));
            if (!out.contains(tp)) {
                out.add(tp);
            }
        }
        return out;
    }

    private static ByteBuffer randomUserData(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> ByteBuffer.allocate(0);
            default -> {
                byte[] b = new byte[1 + random.nextInt(40)];
                random.nextBytes(b);
                yield ByteBuffer.wrap(b);
            }
        };
    }

    /** A subscription with every field set. */
    private static Subscription fullSubscription() {
        return new Subscription(List.of("b", "a"), ByteBuffer.wrap(new byte[] {9, 8}),
            List.of(new TopicPartition("b", 2), new TopicPartition("a", 1), new TopicPartition("b", 0)), 17,
            Optional.of("rack-1"));
    }
}
