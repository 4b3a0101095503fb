package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.internals.AbstractStickyAssignor.MemberData;
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

/**
 * The user data the sticky assignors put in their subscriptions, byte-compatible with Kafka's, so
 * a leader of either implementation keeps the other's members sticky. Stateless; thread-safe.
 *
 * <pre>
 * sticky v0:             previous_assignment [topic string, partitions [int32]]
 * sticky v1:             previous_assignment [topic string, partitions [int32]], generation int32
 * cooperative-sticky v0: generation int32
 * </pre>
 * Sticky user data has no version header: a reader tries v1 and falls back to v0; data neither
 * can read counts as no previous assignment at the default generation. The eager sticky assignor
 * needs its previous assignment in the user data because an eager member revokes everything
 * before joining and so reports no owned partitions; the cooperative one reports owned partitions
 * in the subscription itself and only needs the generation, for subscriptions older than v2.
 */
public final class StickyAssignorUserData {

    private StickyAssignorUserData() {
    }

    /** Sticky v1: the member's assignment, grouped by topic, and the generation it belongs to. */
    public static ByteBuffer encodeStickyAssignment(List<TopicPartition> partitions, int generation) {
        Map<String, List<Integer>> byTopic = new LinkedHashMap<>();
        partitions.forEach(tp -> byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition()));
        int size = 4 + 4;
        for (Map.Entry<String, List<Integer>> e : byTopic.entrySet()) {
            size += WireFormat.sizeOfString(e.getKey(), false) + 4 + 4 * e.getValue().size();
        }
        ByteBufferSink out = new ByteBufferSink(ByteBuffer.allocate(size));
        out.writeInt(byTopic.size());
        for (Map.Entry<String, List<Integer>> e : byTopic.entrySet()) {
            WireFormat.writeString(out, e.getKey(), false);
            out.writeInt(e.getValue().size());
            e.getValue().forEach(out::writeInt);
        }
        out.writeInt(generation);
        return out.buffer().flip();
    }

    /**
     * Reads sticky user data (v1, else v0) from the buffer's position without moving it. Data
     * neither version can read gives no partitions and the default generation.
     */
    public static MemberData decodeStickyAssignment(ByteBuffer userData) {
        ByteBuffer in = userData.duplicate();
        try {
            List<TopicPartition> partitions = readAssignment(in);
            return new MemberData(partitions, Optional.of(in.getInt()));
        } catch (ProtocolException | BufferUnderflowException notV1) {
            try {
                return new MemberData(readAssignment(userData.duplicate()), Optional.empty());
            } catch (ProtocolException | BufferUnderflowException notV0) {
                return new MemberData(List.of(), Optional.of(AbstractStickyAssignor.DEFAULT_GENERATION));
            }
        }
    }

    /** Cooperative-sticky v0: the generation of the member's last assignment. */
    public static ByteBuffer encodeCooperativeGeneration(int generation) {
        return ByteBuffer.allocate(4).putInt(0, generation);
    }

    /**
     * Reads cooperative-sticky user data without moving the buffer: none for null, the default
     * generation when it cannot be read.
     */
    public static Optional<Integer> decodeCooperativeGeneration(ByteBuffer userData) {
        if (userData == null) {
            return Optional.empty();
        }
        if (userData.remaining() < 4) {
            return Optional.of(AbstractStickyAssignor.DEFAULT_GENERATION);
        }
        return Optional.of(userData.getInt(userData.position()));
    }

    private static List<TopicPartition> readAssignment(ByteBuffer in) {
        int topics = WireFormat.readArrayLength(in, false, false, "previous_assignment");
        List<TopicPartition> partitions = new ArrayList<>();
        for (int i = 0; i < topics; i++) {
            String topic = WireFormat.readString(in, false, false, "topic");
            int count = WireFormat.readArrayLength(in, false, false, "partitions");
            for (int j = 0; j < count; j++) {
                partitions.add(new TopicPartition(topic, in.getInt()));
            }
        }
        return partitions;
    }
}
