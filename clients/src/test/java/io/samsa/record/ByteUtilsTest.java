package io.samsa.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ByteUtilsTest {

    private static final int[] INTS = {0, 1, -1, 63, -64, 64, -65, 127, 128, 8191, -8192, 8192, 1 << 20,
        Integer.MAX_VALUE, Integer.MIN_VALUE};
    private static final long[] LONGS = {0L, 1L, -1L, 300L, -300L, 1L << 35, -(1L << 35), Long.MAX_VALUE, Long.MIN_VALUE};

    @Test
    void varintsMatchKafkaBytes() {
        Random random = new Random(1);
        for (int round = 0; round < 2000; round++) {
            int v = round < INTS.length ? INTS[round] : random.nextInt() >> random.nextInt(32);
            ByteBuffer ours = ByteBuffer.allocate(5);
            ByteBuffer theirs = ByteBuffer.allocate(5);
            ByteUtils.writeVarint(v, ours);
            org.apache.kafka.common.utils.ByteUtils.writeVarint(v, theirs);
            assertEquals(theirs.flip(), ours.flip(), "varint " + v);
            assertEquals(org.apache.kafka.common.utils.ByteUtils.sizeOfVarint(v), ByteUtils.sizeOfVarint(v));
            assertEquals(ours.limit(), ByteUtils.sizeOfVarint(v));
            assertEquals(v, ByteUtils.readVarint(ours));

            ByteBuffer unsigned = ByteBuffer.allocate(5);
            ByteUtils.writeUnsignedVarint(v, unsigned);
            assertEquals(unsigned.position(), ByteUtils.sizeOfUnsignedVarint(v));
            assertEquals(org.apache.kafka.common.utils.ByteUtils.sizeOfUnsignedVarint(v), ByteUtils.sizeOfUnsignedVarint(v));
            assertEquals(v, ByteUtils.readUnsignedVarint(unsigned.flip()));
        }
    }

    @Test
    void varlongsMatchKafkaBytes() {
        Random random = new Random(2);
        for (int round = 0; round < 2000; round++) {
            long v = round < LONGS.length ? LONGS[round] : random.nextLong() >> random.nextInt(64);
            ByteBuffer ours = ByteBuffer.allocate(10);
            ByteBuffer theirs = ByteBuffer.allocate(10);
            ByteUtils.writeVarlong(v, ours);
            org.apache.kafka.common.utils.ByteUtils.writeVarlong(v, theirs);
            assertEquals(theirs.flip(), ours.flip(), "varlong " + v);
            assertEquals(org.apache.kafka.common.utils.ByteUtils.sizeOfVarlong(v), ByteUtils.sizeOfVarlong(v));
            assertEquals(v, ByteUtils.readVarlong(ours));
        }
    }

    @Test
    void malformedVarintsFailCleanly() {
        ByteBuffer tooLong = ByteBuffer.wrap(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 1});
        assertThrows(IllegalArgumentException.class, () -> ByteUtils.readVarint(tooLong));
        assertThrows(BufferUnderflowException.class, () -> ByteUtils.readVarint(ByteBuffer.wrap(new byte[] {(byte) 0x80})));
        byte[] elevenBytes = new byte[11];
        java.util.Arrays.fill(elevenBytes, (byte) 0xFF);
        assertThrows(IllegalArgumentException.class, () -> ByteUtils.readVarlong(ByteBuffer.wrap(elevenBytes)));
    }
}
