package io.samsa.core.server.fetchsession;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.samsa.common.Errors;
import io.samsa.common.MockTime;
import io.samsa.common.Uuid;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The session cache's limits on a mock clock: a full cache serves newcomers without a session
 * unless a session can go — one idle for two minutes, or a consumer's when a follower needs room.
 */
class FetchSessionCacheTest {

    private final MockTime time = new MockTime();
    private final FetchSessionCache cache = new FetchSessionCache(2, FetchSessionCache.EVICTION_MS, time);

    private static List<FetchPartitionRequest> partitions(int count) {
        List<FetchPartitionRequest> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            result.add(new FetchPartitionRequest("t", Uuid.ONE, i, 0L, -1, -1, -1L, 1024));
        }
        return result;
    }

    /** Opens a session with a full fetch and returns its id (0: none). */
    private int open(boolean follower, int partitions) {
        List<FetchPartitionRequest> requested = partitions(partitions);
        FetchContext context = cache.newContext((short) 13, 0, 0, follower, requested, List.of());
        List<FetchContext.Answer> answers = new ArrayList<>();
        requested.forEach(p -> answers.add(new FetchContext.Answer(0L, 0L, (short) 0, false, false)));
        return context.complete(answers).sessionId();
    }

    @Test
    void aFullCacheTakesNewcomersOnlyWhenASessionMayGo() {
        int first = open(false, 3);
        int second = open(false, 3);
        assertNotEquals(0, first);
        assertNotEquals(0, second);
        assertEquals(0, open(false, 5), "new consumer sessions are safe from other consumers");

        int follower = open(true, 1);
        assertNotEquals(0, follower, "a follower may take a consumer's place");
        assertEquals(2, cache.size());

        time.advance(FetchSessionCache.EVICTION_MS + 1);
        assertNotEquals(0, open(false, 1), "a session idle for two minutes makes room for anyone");
        assertEquals(2, cache.size());
    }

    @Test
    void aSessionWithNothingLeftClosesAndAnUnknownOneIsAnError() {
        int id = open(false, 1);
        FetchContext emptied = cache.newContext((short) 13, id, 1, false, List.of(), partitions(1));
        assertInstanceOf(FetchContext.Sessionless.class, emptied);
        assertEquals(0, cache.size());
        FetchContext gone = cache.newContext((short) 13, id, 2, false, List.of(), List.of());
        assertEquals(Errors.FETCH_SESSION_ID_NOT_FOUND, ((FetchContext.SessionError) gone).error());
        int byName = open(false, 1);
        assertEquals(Errors.FETCH_SESSION_TOPIC_ID_ERROR,
                ((FetchContext.SessionError) cache.newContext((short) 12, byName, 1, false, List.of(), List.of())).error(),
                "a session opened with topic ids is not continued by name");
    }
}
