package io.samsa.clients.producer.internals;

import io.samsa.common.Time;
import io.samsa.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(30)
class BufferPoolTest {

    @Test
    void aBatchSizedBufferIsReusedOnceGivenBack() {
        BufferPool pool = new BufferPool(1000, 100, Time.SYSTEM);
        ByteBuffer first = pool.allocate(100, 0);
        first.put((byte) 7);
        assertEquals(900, pool.availableBytes());
        pool.deallocate(first, 100);
        assertEquals(1000, pool.availableBytes(), "a kept buffer still counts as available");
        ByteBuffer second = pool.allocate(100, 0);
        assertSame(first, second);
        assertEquals(0, second.position(), "handed out from its start");
        assertEquals(100, second.limit());
    }

    @Test
    void otherSizesAreNotKept() {
        BufferPool pool = new BufferPool(1000, 100, Time.SYSTEM);
        ByteBuffer big = pool.allocate(300, 0);
        assertEquals(700, pool.availableBytes());
        pool.deallocate(big, 300);
        assertEquals(1000, pool.availableBytes());
        assertNotSame(big, pool.allocate(300, 0));
    }

    @Test
    void keptBuffersGiveWayToALargerReservation() {
        BufferPool pool = new BufferPool(300, 100, Time.SYSTEM);
        ByteBuffer a = pool.allocate(100, 0);
        ByteBuffer b = pool.allocate(100, 0);
        ByteBuffer c = pool.allocate(100, 0);
        pool.deallocate(a, 100);
        pool.deallocate(b, 100);
        pool.deallocate(c, 100);
        ByteBuffer large = pool.allocate(250, 0);
        assertEquals(250, large.capacity());
        assertEquals(50, pool.availableBytes(), "the kept buffers gave their bytes to the large one");
        assertThrows(TimeoutException.class, () -> pool.allocate(100, 10));
        pool.deallocate(large, 250);
        assertEquals(300, pool.availableBytes());
    }

    @Test
    void aWaiterGetsTheBufferGivenBack() throws Exception {
        BufferPool pool = new BufferPool(100, 100, Time.SYSTEM);
        ByteBuffer only = pool.allocate(100, 0);
        CompletableFuture<ByteBuffer> waiting = CompletableFuture.supplyAsync(() -> pool.allocate(100, 20_000));
        assertFalse(waiting.isDone());
        pool.deallocate(only, 100);
        assertSame(only, waiting.get(20, TimeUnit.SECONDS));
    }
}
