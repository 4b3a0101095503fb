package io.samsa.record;

/**
 * Byte offsets and constants of the legacy message formats v0 and v1 (magic 0 and 1), which
 * clients older than Kafka 0.11 send in Produce v0-v2 and expect back from Fetch v0-v3. One
 * entry of a message set, as it sits on the wire:
 *
 * <pre>
 * offset int64 | messageSize int32 |
 * crc uint32 | magic int8 | attributes int8 | [timestamp int64, magic 1 only] |
 * keyLength int32 | key | valueLength int32 | value
 * </pre>
 *
 * Offsets here are from the start of the entry, so {@link #MAGIC_OFFSET} is 16 exactly as
 * {@link BatchLayout#MAGIC_OFFSET} is for v2, which is what lets a reader tell the formats apart.
 * The CRC-32 (not CRC-32C) covers everything from the magic byte to the end of the message. A
 * length of -1 means a null key or value. A compressed message ("wrapper") holds a whole inner
 * message set, compressed, as its value.
 */
public final class LegacyLayout {

    public static final byte MAGIC_V0 = 0;
    public static final byte MAGIC_V1 = 1;

    public static final int OFFSET_OFFSET = 0;
    public static final int SIZE_OFFSET = 8;
    /** Size of offset + messageSize: the part not counted in messageSize. */
    public static final int LOG_OVERHEAD = 12;
    public static final int CRC_OFFSET = 12;
    public static final int MAGIC_OFFSET = 16;
    public static final int ATTRIBUTES_OFFSET = 17;
    /** Where the timestamp of a magic 1 message sits; magic 0 has none. */
    public static final int TIMESTAMP_OFFSET = 18;
    public static final int KEY_SIZE_OFFSET_V0 = 18;
    public static final int KEY_SIZE_OFFSET_V1 = 26;

    /** messageSize of a magic 0 message with null key and value: crc, magic, attributes, two lengths. */
    public static final int MESSAGE_OVERHEAD_V0 = 14;
    /** messageSize of a magic 1 message with null key and value: the v0 overhead plus the timestamp. */
    public static final int MESSAGE_OVERHEAD_V1 = 22;

    /** Attribute bits 0-2: the codec (0 none, 1 gzip, 2 snappy, 3 lz4; zstd does not exist here). */
    public static final int COMPRESSION_CODEC_MASK = 0x07;
    /** Attribute bit 3, meaningful for magic 1 only: 0 CreateTime, 1 LogAppendTime. */
    public static final int TIMESTAMP_TYPE_MASK = 0x08;

    private LegacyLayout() {
    }

    /** Offset of the key length field for {@code magic} (0 or 1). */
    static int keySizeOffset(byte magic) {
        return magic == MAGIC_V0 ? KEY_SIZE_OFFSET_V0 : KEY_SIZE_OFFSET_V1;
    }

    /** The messageSize of a message of {@code magic} with null key and value. */
    static int messageOverhead(byte magic) {
        return magic == MAGIC_V0 ? MESSAGE_OVERHEAD_V0 : MESSAGE_OVERHEAD_V1;
    }
}
