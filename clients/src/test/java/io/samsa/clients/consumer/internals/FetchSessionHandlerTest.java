package io.samsa.clients.consumer.internals;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FetchSessionHandlerTest {

    private static final TopicPartition A0 = new TopicPartition("a", 0);
    private static final TopicPartition A1 = new TopicPartition("a", 1);
    private static final TopicPartition B0 = new TopicPartition("b", 0);

    private static FetchSessionHandler.PartitionData at(long offset) {
        return new FetchSessionHandler.PartitionData(offset, -1, 1024, 3, -1);
    }

    private static Map<TopicPartition, FetchSessionHandler.PartitionData> wanted(Object... pairs) {
        Map<TopicPartition, FetchSessionHandler.PartitionData> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((TopicPartition) pairs[i], at((Long) pairs[i + 1]));
        }
        return m;
    }

    @Test
    void firstRequestIsFullAndOpensASession() {
        FetchSessionHandler h = new FetchSessionHandler(1);
        FetchSessionHandler.Request r = h.build(wanted(A0, 0L, A1, 5L));
        assertTrue(r.isFull());
        assertEquals(0, r.sessionId());
        assertEquals(2, r.toSend().size());
        assertTrue(h.handleResponse(r, Errors.NONE, 77));
        assertEquals(77, h.sessionId());
        assertEquals(1, h.nextEpoch());
    }

    @Test
    void incrementalRequestsSendOnlyChangesAndForgetDroppedPartitions() {
        FetchSessionHandler h = new FetchSessionHandler(1);
        h.handleResponse(h.build(wanted(A0, 0L, A1, 5L)), Errors.NONE, 77);
        FetchSessionHandler.Request r = h.build(wanted(A0, 10L, A1, 5L, B0, 0L));
        assertFalse(r.isFull());
        assertEquals(77, r.sessionId());
        assertEquals(1, r.epoch());
        assertEquals(List.of(A0, B0), List.copyOf(r.toSend().keySet()), "A1 unchanged: not sent");
        assertTrue(r.toForget().isEmpty());
        h.handleResponse(r, Errors.NONE, 77);
        FetchSessionHandler.Request next = h.build(wanted(A0, 10L));
        assertEquals(2, next.epoch());
        assertTrue(next.toSend().isEmpty());
        assertEquals(List.of(A1, B0), next.toForget());
    }

    @Test
    void sessionErrorsMakeTheNextRequestFull() {
        FetchSessionHandler h = new FetchSessionHandler(1);
        h.handleResponse(h.build(wanted(A0, 0L)), Errors.NONE, 77);
        FetchSessionHandler.Request r = h.build(wanted(A0, 3L));
        assertFalse(h.handleResponse(r, Errors.INVALID_FETCH_SESSION_EPOCH, 0));
        FetchSessionHandler.Request full = h.build(wanted(A0, 3L));
        assertTrue(full.isFull());
        assertEquals(77, full.sessionId(), "closes the old session as it opens a new one");

        assertFalse(h.handleResponse(full, Errors.FETCH_SESSION_ID_NOT_FOUND, 0));
        FetchSessionHandler.Request fresh = h.build(wanted(A0, 3L));
        assertTrue(fresh.isFull());
        assertEquals(0, fresh.sessionId());
    }

    @Test
    void aWireFailureMakesTheNextRequestFull() {
        FetchSessionHandler h = new FetchSessionHandler(1);
        h.handleResponse(h.build(wanted(A0, 0L)), Errors.NONE, 77);
        h.build(wanted(A0, 1L));
        h.handleError();
        FetchSessionHandler.Request r = h.build(wanted(A0, 1L));
        assertTrue(r.isFull());
        assertEquals(1, r.toSend().size());
    }

    @Test
    void withoutASessionEveryRequestIsFull() {
        FetchSessionHandler h = new FetchSessionHandler(1);
        h.handleResponse(h.build(wanted(A0, 0L)), Errors.NONE, 0);
        assertTrue(h.build(wanted(A0, 1L)).isFull());
    }
}
