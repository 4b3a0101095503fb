package io.samsa.protocol;

import io.samsa.protocol.message.ProduceRequest;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatheringSinkTest {

    private static ByteBuffer bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return ByteBuffer.wrap(b);
    }

    private static ProduceRequest request(ByteBuffer... batches) {
        List<ProduceRequest.PartitionProduceData> partitions = new ArrayList<>();
        for (int i = 0; i < batches.length; i++) {
            partitions.add(new ProduceRequest.PartitionProduceData().setIndex(i).setRecords(new MemoryRecordsData(batches[i])));
        }
        return new ProduceRequest().setAcks((short) -1).setTimeoutMs(30_000)
                .setTopicData(List.of(new ProduceRequest.TopicProduceData().setName("topic").setPartitionData(partitions)));
    }

    private static ByteBuffer concat(ByteBuffer[] parts) {
        int size = 0;
        for (ByteBuffer p : parts) {
            size += p.remaining();
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (ByteBuffer p : parts) {
            out.put(p.duplicate());
        }
        return out.flip();
    }

    @Test
    void writesTheSameBytesAsACopyWhileLargeBatchesStayInTheirBuffers() {
        ByteBuffer large = bytes(5000, 1);
        ByteBuffer small = bytes(100, 2);
        ByteBuffer large2 = bytes(70_000, 3);
        for (short version : new short[] {3, 7, 9}) {
            ProduceRequest request = request(large, small, large2);
            GatheringSink sink = new GatheringSink(16); // small scratch: it has to grow too
            request.write(sink, version);
            ByteBuffer[] buffers = sink.buffers();
            assertEquals(MessageCodec.toBuffer(request, version), concat(buffers), "v" + version);
            long referenced = Arrays.stream(buffers).filter(b -> b.hasArray()
                    && (b.array() == large.array() || b.array() == large2.array())).count();
            assertEquals(2, referenced, "both large batches are views, not copies");
            assertTrue(Arrays.stream(buffers).noneMatch(b -> b.hasArray() && b.array() == small.array()),
                    "a small batch is copied");
        }
        assertEquals(0, large.position(), "the batch buffers are not moved");
    }

    @Test
    void aReferencedBatchIsTheBatchBufferItself() {
        ByteBuffer large = bytes(4096, 4);
        GatheringSink sink = new GatheringSink(64);
        sink.writeInt(7);
        sink.writeRecords(new MemoryRecordsData(large));
        sink.writeShort((short) 1);
        ByteBuffer[] buffers = sink.buffers();
        assertEquals(3, buffers.length);
        assertSame(large.array(), buffers[1].array());
        assertEquals(7, buffers[0].getInt(0));
        assertEquals(1, buffers[2].getShort(0));
    }

    @Test
    void fileRegionsAreRefused() {
        GatheringSink sink = new GatheringSink(64);
        assertThrows(IllegalArgumentException.class, () -> sink.writeRecords(new FileRecordsData(null, 0, 10)));
    }
}
