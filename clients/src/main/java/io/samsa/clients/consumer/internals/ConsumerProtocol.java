package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerPartitionAssignor.Assignment;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.samsa.common.TopicPartition;
import io.samsa.protocol.ByteBufferSink;
import io.samsa.protocol.ProtocolException;
import io.samsa.protocol.WireFormat;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The consumer's embedded protocol: the bytes of a {@link Subscription} (the {@code metadata} of a
 * JoinGroup protocol) and of an {@link Assignment} (a SyncGroup assignment), byte-compatible with
 * Kafka's {@code ConsumerProtocolSubscription} and {@code ConsumerProtocolAssignment}. Stateless;
 * thread-safe.
 *
 * <p>Both start with an int16 version, then classic (non-flexible) fields:
 * <pre>
 * Subscription v0: topics [string], user_data nullable bytes
 *              v1: + owned_partitions [topic string, partitions [int32]]
 *              v2: + generation_id int32 (-1: none)
 *              v3: + rack_id nullable string
 * Assignment v0-v3: assigned_partitions [topic string, partitions [int32]], user_data nullable bytes
 * </pre>
 * Fields a version lacks are dropped when writing it. A newer version than {@link #HIGHEST_VERSION}
 * is read as the highest known one, ignoring what follows: later versions may only append fields.
 * Like Kafka, subscriptions are written at version 3 (with topics and owned partitions sorted)
 * and so are assignments (partitions grouped by topic in first-appearance order).
 */
public final class ConsumerProtocol {

    /** The JoinGroup protocol type of consumer groups. */
    public static final String PROTOCOL_TYPE = "consumer";
    public static final short LOWEST_VERSION = 0;
    /** The highest version of both the subscription and the assignment this codec knows. */
    public static final short HIGHEST_VERSION = 3;

    private ConsumerProtocol() {
    }

    /** Reads the int16 version that starts both structures. */
    public static short deserializeVersion(ByteBuffer buffer) {
        try {
            return buffer.getShort();
        } catch (BufferUnderflowException e) {
            throw new ProtocolException("Buffer underflow while reading the consumer protocol's version", e);
        }
    }

    /** The subscription at {@link #HIGHEST_VERSION}, version first, ready to read. */
    public static ByteBuffer serializeSubscription(Subscription subscription) {
        return serializeSubscription(subscription, HIGHEST_VERSION);
    }

    /** The subscription at {@code version} (a higher one is written as the highest known). */
    public static ByteBuffer serializeSubscription(Subscription subscription, short version) {
        short v = checkVersion(version, "subscription");
        List<String> topics = new ArrayList<>(subscription.topics());
        topics.sort(null);
        ByteBuffer userData = subscription.userData();
        Map<String, List<Integer>> owned = v >= 1 ? sortedByTopic(subscription.ownedPartitions()) : Map.of();
        String rackId = v >= 3 ? subscription.rackId().orElse(null) : null;

        int size = 2 + 4 + WireFormat.sizeOfBytes(userData, false);
        for (String topic : topics) {
            size += WireFormat.sizeOfString(topic, false);
        }
        if (v >= 1) {
            size += sizeOfTopicPartitions(owned);
        }
        if (v >= 2) {
            size += 4;
        }
        if (v >= 3) {
            size += WireFormat.sizeOfString(rackId, false);
        }

        ByteBufferSink out = new ByteBufferSink(ByteBuffer.allocate(size));
        out.writeShort(v);
        out.writeInt(topics.size());
        for (String topic : topics) {
            WireFormat.writeString(out, topic, false);
        }
        WireFormat.writeBytes(out, userData, false);
        if (v >= 1) {
            writeTopicPartitions(out, owned);
        }
        if (v >= 2) {
            out.writeInt(subscription.generationId().orElse(-1));
        }
        if (v >= 3) {
            WireFormat.writeString(out, rackId, false);
        }
        return out.buffer().flip();
    }

    /** Reads a subscription, version first. */
    public static Subscription deserializeSubscription(ByteBuffer buffer) {
        return deserializeSubscription(buffer, deserializeVersion(buffer));
    }

    /** Reads a subscription of the given version, whose version header has already been read. */
    public static Subscription deserializeSubscription(ByteBuffer buffer, short version) {
        short v = checkVersion(version, "subscription");
        try {
            int topicCount = WireFormat.readArrayLength(buffer, false, false, "topics");
            List<String> topics = new ArrayList<>(topicCount);
            for (int i = 0; i < topicCount; i++) {
                topics.add(WireFormat.readString(buffer, false, false, "topics"));
            }
            ByteBuffer userData = readUserData(buffer);
            List<TopicPartition> owned = v >= 1 ? readTopicPartitions(buffer, "owned_partitions") : List.of();
            int generationId = v >= 2 ? buffer.getInt() : -1;
            String rackId = v >= 3 ? WireFormat.readString(buffer, false, true, "rack_id") : null;
            return new Subscription(topics, userData, owned, generationId,
                rackId == null || rackId.isEmpty() ? Optional.empty() : Optional.of(rackId));
        } catch (BufferUnderflowException e) {
            throw new ProtocolException("Buffer underflow while reading the consumer protocol's subscription", e);
        }
    }

    /** The assignment at {@link #HIGHEST_VERSION}, version first, ready to read. */
    public static ByteBuffer serializeAssignment(Assignment assignment) {
        return serializeAssignment(assignment, HIGHEST_VERSION);
    }

    /** The assignment at {@code version} (a higher one is written as the highest known). */
    public static ByteBuffer serializeAssignment(Assignment assignment, short version) {
        short v = checkVersion(version, "assignment");
        Map<String, List<Integer>> byTopic = new LinkedHashMap<>();
        for (TopicPartition tp : assignment.partitions()) {
            byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition());
        }
        ByteBuffer userData = assignment.userData();
        int size = 2 + sizeOfTopicPartitions(byTopic) + WireFormat.sizeOfBytes(userData, false);
        ByteBufferSink out = new ByteBufferSink(ByteBuffer.allocate(size));
        out.writeShort(v);
        writeTopicPartitions(out, byTopic);
        WireFormat.writeBytes(out, userData, false);
        return out.buffer().flip();
    }

    /** Reads an assignment, version first. */
    public static Assignment deserializeAssignment(ByteBuffer buffer) {
        return deserializeAssignment(buffer, deserializeVersion(buffer));
    }

    /** Reads an assignment of the given version, whose version header has already been read. */
    public static Assignment deserializeAssignment(ByteBuffer buffer, short version) {
        checkVersion(version, "assignment");
        try {
            List<TopicPartition> partitions = readTopicPartitions(buffer, "assigned_partitions");
            return new Assignment(partitions, readUserData(buffer));
        } catch (BufferUnderflowException e) {
            throw new ProtocolException("Buffer underflow while reading the consumer protocol's assignment", e);
        }
    }

    private static short checkVersion(short version, String what) {
        if (version < LOWEST_VERSION) {
            throw new ProtocolException("Unsupported " + what + " version: " + version);
        }
        return (short) Math.min(version, HIGHEST_VERSION);
    }

    /** A copy, so that the caller's buffer can be reused; Kafka hands out a view, either is allowed. */
    private static ByteBuffer readUserData(ByteBuffer buffer) {
        ByteBuffer view = WireFormat.readBytes(buffer, false, true, "user_data");
        if (view == null) {
            return null;
        }
        ByteBuffer copy = ByteBuffer.allocate(view.remaining());
        copy.put(view).flip();
        return copy;
    }

    private static Map<String, List<Integer>> sortedByTopic(List<TopicPartition> partitions) {
        Map<String, List<Integer>> byTopic = new TreeMap<>();
        for (TopicPartition tp : partitions) {
            byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition());
        }
        byTopic.values().forEach(list -> list.sort(null));
        return byTopic;
    }

    private static int sizeOfTopicPartitions(Map<String, List<Integer>> byTopic) {
        int size = 4;
        for (Map.Entry<String, List<Integer>> e : byTopic.entrySet()) {
            size += WireFormat.sizeOfString(e.getKey(), false) + 4 + 4 * e.getValue().size();
        }
        return size;
    }

    private static void writeTopicPartitions(ByteBufferSink out, Map<String, List<Integer>> byTopic) {
        out.writeInt(byTopic.size());
        for (Map.Entry<String, List<Integer>> e : byTopic.entrySet()) {
            WireFormat.writeString(out, e.getKey(), false);
            out.writeInt(e.getValue().size());
            for (int partition : e.getValue()) {
                out.writeInt(partition);
            }
        }
    }

    private static List<TopicPartition> readTopicPartitions(ByteBuffer buffer, String what) {
        int topicCount = WireFormat.readArrayLength(buffer, false, false, what);
        List<TopicPartition> partitions = new ArrayList<>();
        for (int i = 0; i < topicCount; i++) {
            String topic = WireFormat.readString(buffer, false, false, what + ".topic");
            int count = WireFormat.readArrayLength(buffer, false, false, what + ".partitions");
            for (int j = 0; j < count; j++) {
                partitions.add(new TopicPartition(topic, buffer.getInt()));
            }
        }
        return partitions;
    }
}
