package io.samsa.core.coordinator.group;

import io.samsa.common.TopicPartition;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keys and values of {@code __consumer_offsets} records, byte for byte as Apache Kafka writes
 * them, so that Kafka's tools can read a Samsa offsets topic and the reverse. A key starts with an
 * INT16 record type: 0 or 1 for an offset commit (group, topic, partition) and 2 for group
 * metadata (group). Values start with an INT16 version. Samsa writes offset commit values v3
 * (v1 when an old client set a retention time) and group metadata values v3, and reads v0-v4 of
 * both, v4 being the flexible encoding. A null value is a tombstone. Stateless.
 */
public final class OffsetsTopicRecords {

    static final short OFFSET_COMMIT_KEY = 1;
    static final short LEGACY_OFFSET_COMMIT_KEY = 0;
    static final short GROUP_METADATA_KEY = 2;
    static final short OFFSET_VALUE_VERSION = 3;
    static final short OFFSET_VALUE_VERSION_WITH_EXPIRY = 1;
    static final short GROUP_VALUE_VERSION = 3;

    private OffsetsTopicRecords() {
    }

    /** A parsed key: either an offset commit's or a group's. */
    public sealed interface Key permits OffsetKey, GroupKey {
        String group();
    }

    public record OffsetKey(String group, TopicPartition topicPartition) implements Key {
    }

    public record GroupKey(String group) implements Key {
    }

    /** A group as persisted: enough to rebuild it after a restart. */
    public record StoredGroup(String protocolType, int generation, String protocol, String leader,
                              long currentStateTimestamp, List<StoredMember> members) {
    }

    public record StoredMember(String memberId, String groupInstanceId, String clientId, String clientHost,
                               int rebalanceTimeoutMs, int sessionTimeoutMs, byte[] subscription, byte[] assignment) {
    }

    // ---- writing ----

    public static byte[] offsetCommitKey(String group, TopicPartition tp) {
        Writer w = new Writer();
        w.int16(OFFSET_COMMIT_KEY).string(group).string(tp.topic()).int32(tp.partition());
        return w.bytes();
    }

    public static byte[] groupMetadataKey(String group) {
        Writer w = new Writer();
        w.int16(GROUP_METADATA_KEY).string(group);
        return w.bytes();
    }

    public static byte[] offsetCommitValue(OffsetAndMetadata o) {
        Writer w = new Writer();
        if (o.hasExpireTimestamp()) {
            w.int16(OFFSET_VALUE_VERSION_WITH_EXPIRY).int64(o.offset()).string(o.metadata())
                    .int64(o.commitTimestamp()).int64(o.expireTimestamp());
        } else {
            w.int16(OFFSET_VALUE_VERSION).int64(o.offset()).int32(o.leaderEpoch()).string(o.metadata())
                    .int64(o.commitTimestamp());
        }
        return w.bytes();
    }

    /**
     * The group's metadata value (v3). {@code assignments} overrides members' current assignments
     * (the leader's SyncGroup is persisted before it is applied).
     */
    public static byte[] groupMetadataValue(GroupMetadata group, Map<String, byte[]> assignments) {
        Writer w = new Writer();
        w.int16(GROUP_VALUE_VERSION)
                .string(group.protocolType() == null ? "" : group.protocolType())
                .int32(group.generationId())
                .nullableString(group.protocolName())
                .nullableString(group.leaderId())
                .int64(group.currentStateTimestamp())
                .int32(group.size());
        for (MemberMetadata m : group.members()) {
            byte[] assignment = assignments.getOrDefault(m.memberId(), m.assignment());
            w.string(m.memberId())
                    .nullableString(m.groupInstanceId())
                    .string(m.clientId())
                    .string(m.clientHost())
                    .int32(m.rebalanceTimeoutMs())
                    .int32(m.sessionTimeoutMs())
                    .bytes(group.protocolName() == null ? new byte[0] : m.metadata(group.protocolName()))
                    .bytes(assignment);
        }
        return w.bytes();
    }

    // ---- reading ----

    /** Parses a key; throws IllegalArgumentException for an unknown record type or bad bytes. */
    public static Key readKey(ByteBuffer key) {
        try {
            ByteBuffer b = key.duplicate();
            short type = b.getShort();
            if (type == OFFSET_COMMIT_KEY || type == LEGACY_OFFSET_COMMIT_KEY) {
                String group = readString(b);
                String topic = readString(b);
                int partition = b.getInt();
                return new OffsetKey(group, new TopicPartition(topic, partition));
            }
            if (type == GROUP_METADATA_KEY) {
                return new GroupKey(readString(b));
            }
            throw new IllegalArgumentException("Unknown __consumer_offsets key type " + type);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("Truncated __consumer_offsets key", e);
        }
    }

    public static OffsetAndMetadata readOffsetValue(ByteBuffer value) {
        try {
            ByteBuffer b = value.duplicate();
            short version = b.getShort();
            if (version < 0 || version > 4) {
                throw new IllegalArgumentException("Unknown offset commit value version " + version);
            }
            boolean flexible = version >= 4;
            long offset = b.getLong();
            int leaderEpoch = version >= 3 ? b.getInt() : OffsetAndMetadata.NO_LEADER_EPOCH;
            String metadata = flexible ? readCompactString(b) : readString(b);
            long commitTimestamp = b.getLong();
            long expire = version == 1 ? b.getLong() : OffsetAndMetadata.NO_EXPIRE_TIMESTAMP;
            return new OffsetAndMetadata(offset, leaderEpoch, metadata, commitTimestamp, expire);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("Truncated offset commit value", e);
        }
    }

    public static StoredGroup readGroupValue(ByteBuffer value) {
        try {
            ByteBuffer b = value.duplicate();
            short version = b.getShort();
            if (version < 0 || version > 4) {
                throw new IllegalArgumentException("Unknown group metadata value version " + version);
            }
            boolean flexible = version >= 4;
            String protocolType = str(b, flexible);
            int generation = b.getInt();
            String protocol = str(b, flexible);
            String leader = str(b, flexible);
            long timestamp = version >= 2 ? b.getLong() : -1L;
            int count = flexible ? readUnsignedVarint(b) - 1 : b.getInt();
            List<StoredMember> members = new ArrayList<>(Math.max(0, count));
            for (int i = 0; i < count; i++) {
                String memberId = str(b, flexible);
                String instanceId = version >= 3 ? str(b, flexible) : null;
                String clientId = str(b, flexible);
                String clientHost = str(b, flexible);
                int sessionTimeout;
                int rebalanceTimeout;
                if (version >= 1) {
                    rebalanceTimeout = b.getInt();
                    sessionTimeout = b.getInt();
                } else {
                    sessionTimeout = b.getInt();
                    rebalanceTimeout = sessionTimeout;
                }
                byte[] subscription = bytesField(b, flexible);
                byte[] assignment = bytesField(b, flexible);
                if (flexible) {
                    skipTaggedFields(b);
                }
                members.add(new StoredMember(memberId, instanceId, clientId, clientHost, rebalanceTimeout, sessionTimeout,
                        subscription, assignment));
            }
            return new StoredGroup(protocolType, generation, protocol, leader, timestamp, members);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("Truncated group metadata value", e);
        }
    }

    private static String str(ByteBuffer b, boolean flexible) {
        return flexible ? readCompactString(b) : readString(b);
    }

    private static byte[] bytesField(ByteBuffer b, boolean flexible) {
        int len = flexible ? readUnsignedVarint(b) - 1 : b.getInt();
        if (len < 0) {
            return new byte[0];
        }
        byte[] out = new byte[len];
        b.get(out);
        return out;
    }

    private static String readString(ByteBuffer b) {
        int len = b.getShort();
        if (len < 0) {
            return null;
        }
        return utf8(b, len);
    }

    private static String readCompactString(ByteBuffer b) {
        int len = readUnsignedVarint(b) - 1;
        if (len < 0) {
            return null;
        }
        return utf8(b, len);
    }

    private static String utf8(ByteBuffer b, int len) {
        if (len > b.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] bytes = new byte[len];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int readUnsignedVarint(ByteBuffer b) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte x = b.get();
            value |= (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("Varint too long");
    }

    private static void skipTaggedFields(ByteBuffer b) {
        int n = readUnsignedVarint(b);
        for (int i = 0; i < n; i++) {
            readUnsignedVarint(b);
            int size = readUnsignedVarint(b);
            b.position(b.position() + size);
        }
    }

    /** A big-endian writer for the classic (non-flexible) encodings. */
    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

        Writer int16(int v) {
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        Writer int32(int v) {
            int16(v >>> 16);
            return int16(v);
        }

        Writer int64(long v) {
            int32((int) (v >>> 32));
            return int32((int) v);
        }

        Writer string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (b.length > Short.MAX_VALUE) {
                throw new IllegalArgumentException("String of " + b.length + " bytes is too long");
            }
            int16(b.length);
            out.writeBytes(b);
            return this;
        }

        Writer nullableString(String s) {
            return s == null ? int16(-1) : string(s);
        }

        Writer bytes(byte[] b) {
            int32(b.length);
            out.writeBytes(b);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
