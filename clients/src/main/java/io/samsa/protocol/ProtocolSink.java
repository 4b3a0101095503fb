package io.samsa.protocol;

import java.nio.ByteBuffer;

/**
 * Where {@link MessageCodec} and the headers write their bytes, big-endian as the protocol
 * requires. The varint methods have default implementations in terms of {@link #writeByte}, so
 * a sink only has to provide the fixed-size writes, the byte copies and the records hand-off.
 * Implementations are normally not thread-safe: one sink per message being written.
 */
public interface ProtocolSink {

    void writeByte(byte value);

    void writeShort(short value);

    void writeInt(int value);

    void writeLong(long value);

    void writeDouble(double value);

    void writeBytes(byte[] bytes);

    /** Writes the bytes from the buffer's position to its limit without moving its position. */
    void writeBytes(ByteBuffer bytes);

    /** Writes record batches; a network sink may send file regions without copying them. */
    void writeRecords(RecordsData records);

    /** Unsigned LEB128 (7 bits a byte, low bits first), treating {@code value} as unsigned. */
    default void writeUnsignedVarint(int value) {
        while ((value & 0xFFFFFF80) != 0) {
            writeByte((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        writeByte((byte) value);
    }

    /** Zig-zag encoded signed varint, as used inside record batches. */
    default void writeVarint(int value) {
        writeUnsignedVarint((value << 1) ^ (value >> 31));
    }

    /** Zig-zag encoded signed 64-bit varint. */
    default void writeVarlong(long value) {
        long v = (value << 1) ^ (value >> 63);
        while ((v & 0xFFFFFFFFFFFFFF80L) != 0L) {
            writeByte((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        writeByte((byte) v);
    }
}
