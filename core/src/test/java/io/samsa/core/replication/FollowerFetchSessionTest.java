package io.samsa.core.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The follower's side of a fetch session: full, then only what changed, and full again after trouble. */
class FollowerFetchSessionTest {

    private static final TopicPartition A = new TopicPartition("t", 0);
    private static final TopicPartition B = new TopicPartition("t", 1);
    private static final short V = 16;

    private static FollowerFetchSession.PartitionData at(long offset) {
        return new FollowerFetchSession.PartitionData(Uuid.ONE, offset, 3, 3, 0L, 1024);
    }

    private static Map<TopicPartition, FollowerFetchSession.PartitionData> of(long a, Long b) {
        Map<TopicPartition, FollowerFetchSession.PartitionData> m = new LinkedHashMap<>();
        m.put(A, at(a));
        if (b != null) {
            m.put(B, at(b));
        }
        return m;
    }

    @Test
    void aSessionSendsOnlyChangesAndStartsOverAfterAnError() {
        FollowerFetchSession session = new FollowerFetchSession();
        FollowerFetchSession.Plan full = session.plan(of(0, 0L), V);
        assertTrue(full.isFull());
        assertEquals(2, full.toSend().size());
        session.onResponse(full, Errors.NONE, 77);

        FollowerFetchSession.Plan unchanged = session.plan(of(0, 0L), V);
        assertEquals(77, unchanged.sessionId());
        assertEquals(1, unchanged.epoch());
        assertEquals(Map.of(), unchanged.toSend());
        session.onResponse(unchanged, Errors.NONE, 77);

        FollowerFetchSession.Plan moved = session.plan(of(5, null), V);
        assertEquals(2, moved.epoch());
        assertEquals(Map.of(A, at(5)), moved.toSend());
        assertEquals(List.of(B), moved.toForget(), "B backs off, so it leaves the session");
        session.onResponse(moved, Errors.NONE, 77);

        FollowerFetchSession.Plan back = session.plan(of(5, 0L), V);
        assertEquals(Map.of(B, at(0)), back.toSend());
        session.onResponse(back, Errors.INVALID_FETCH_SESSION_EPOCH, 0);
        FollowerFetchSession.Plan again = session.plan(of(5, 0L), V);
        assertTrue(again.isFull(), "after a session error the next fetch is full");
        assertEquals(77, again.sessionId(), "and closes the old session");

        session.onResponse(again, Errors.NONE, 0);
        assertTrue(session.plan(of(5, 0L), V).isFull(), "a leader that opened no session gets full fetches");
        session.onResponse(session.plan(of(5, 0L), V), Errors.NONE, 9);
        assertTrue(session.plan(of(5, 0L), (short) 12).isFull(), "changing to names needs a new session");
    }
}
