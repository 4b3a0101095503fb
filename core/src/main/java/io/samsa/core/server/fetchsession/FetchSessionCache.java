package io.samsa.core.server.fetchsession;

import io.samsa.common.Errors;
import io.samsa.common.Time;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The broker's fetch sessions (KIP-227), at most {@code max.incremental.fetch.session.cache.slots}
 * of them. When full, a new session may take the place of one unused for over two minutes, or —
 * as in Kafka — of a smaller one that is not new, with followers' sessions (privileged) preferred
 * over consumers'. When none can go, the fetch is served without a session (id 0) and the client
 * keeps sending full requests. Thread-safe: the cache's monitor guards the index, each session its
 * own state; the cache lock is never taken while holding a session's.
 */
public final class FetchSessionCache {

    /** Kafka's minimum idle time before a session may be evicted for any newcomer. */
    public static final long EVICTION_MS = 120_000L;
    private static final int INITIAL_EPOCH = 0;
    private static final int FINAL_EPOCH = -1;
    private static final long TOUCH_RESOLUTION_MS = 1000;

    private record LastUsedKey(long lastUsedMs, int id) implements Comparable<LastUsedKey> {
        @Override
        public int compareTo(LastUsedKey o) {
            int c = Long.compare(lastUsedMs, o.lastUsedMs);
            return c != 0 ? c : Integer.compare(id, o.id);
        }
    }

    /** Evicted first: not privileged, then fewer partitions, then lower id. */
    private record EvictableKey(boolean privileged, int size, int id) implements Comparable<EvictableKey> {
        @Override
        public int compareTo(EvictableKey o) {
            int c = Boolean.compare(privileged, o.privileged);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(size, o.size);
            return c != 0 ? c : Integer.compare(id, o.id);
        }
    }

    private final int maxEntries;
    private final long evictionMs;
    private final Time time;
    private final Map<Integer, FetchSession> sessions = new HashMap<>();
    private final TreeMap<LastUsedKey, FetchSession> lastUsed = new TreeMap<>();
    private final TreeMap<EvictableKey, FetchSession> evictableByAll = new TreeMap<>();
    private final TreeMap<EvictableKey, FetchSession> evictableByPrivileged = new TreeMap<>();

    public FetchSessionCache(int maxEntries, long evictionMs, Time time) {
        this.maxEntries = maxEntries;
        this.evictionMs = evictionMs;
        this.time = time;
    }

    public synchronized int size() {
        return sessions.size();
    }

    /**
     * The context of a fetch: sessionless (epoch -1), full opening a session (epoch 0; a session id
     * given is closed first), incremental in an existing session (epoch > 0), or a session error.
     * {@code requested} are the partitions the request names, {@code forgotten} those it removes
     * from the session.
     */
    public FetchContext newContext(short version, int sessionId, int epoch, boolean fromFollower,
                                   List<FetchPartitionRequest> requested, List<FetchPartitionRequest> forgotten) {
        if (epoch == INITIAL_EPOCH || epoch == FINAL_EPOCH) {
            if (sessionId != 0) {
                remove(sessionId);
            }
            return epoch == FINAL_EPOCH ? new FetchContext.Sessionless(requested)
                    : new FetchContext.Full(requested, this, fromFollower, version >= 13);
        }
        FetchSession session;
        synchronized (this) {
            session = sessions.get(sessionId);
        }
        if (session == null) {
            return new FetchContext.SessionError(Errors.FETCH_SESSION_ID_NOT_FOUND);
        }
        synchronized (session) {
            if (session.epoch != epoch) {
                return new FetchContext.SessionError(Errors.INVALID_FETCH_SESSION_EPOCH);
            }
            if (session.usesTopicIds != (version >= 13)) {
                return new FetchContext.SessionError(Errors.FETCH_SESSION_TOPIC_ID_ERROR);
            }
            session.update(requested, forgotten);
            session.epoch = FetchSession.nextEpoch(session.epoch);
        }
        if (session.size() == 0) {
            // Nothing left to fetch: the session ends and this fetch is served without one.
            remove(session.id);
            return new FetchContext.Sessionless(requested);
        }
        touch(session, time.milliseconds());
        synchronized (session) {
            return new FetchContext.Incremental(session, session.epoch, session.requests());
        }
    }

    /** Opens a session for a full fetch if there is room (or room can be made); returns its id, or 0. */
    synchronized int maybeCreateSession(boolean privileged, boolean usesTopicIds, List<FetchPartitionRequest> partitions,
                                        List<FetchContext.Answer> answers) {
        long now = time.milliseconds();
        if (sessions.size() >= maxEntries && !tryEvict(privileged, new EvictableKey(privileged, partitions.size(), 0), now)) {
            return 0;
        }
        FetchSession session = new FetchSession(newSessionId(), privileged, usesTopicIds, now, FetchSession.nextEpoch(INITIAL_EPOCH));
        for (int i = 0; i < partitions.size(); i++) {
            FetchPartitionRequest p = partitions.get(i);
            FetchSession.CachedPartition cached = new FetchSession.CachedPartition(p);
            FetchContext.Answer a = answers.get(i);
            cached.mustRespond(a.highWatermark(), a.logStartOffset(), a.errorCode(), a.hasRecords(), a.diverging(), true);
            session.partitions.put(p.key(usesTopicIds), cached);
        }
        sessions.put(session.id, session);
        touch(session, now);
        return session.id;
    }

    private int newSessionId() {
        int id;
        do {
            id = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        } while (sessions.containsKey(id));
        return id;
    }

    private boolean tryEvict(boolean privileged, EvictableKey key, long now) {
        Map.Entry<LastUsedKey, FetchSession> oldest = lastUsed.firstEntry();
        if (oldest == null) {
            return false;
        }
        if (now - oldest.getKey().lastUsedMs() > evictionMs) {
            remove(oldest.getValue().id);
            return true;
        }
        Map.Entry<EvictableKey, FetchSession> candidate = (privileged ? evictableByPrivileged : evictableByAll).firstEntry();
        if (candidate == null || key.compareTo(candidate.getKey()) < 0) {
            return false;
        }
        remove(candidate.getValue().id);
        return true;
    }

    public synchronized void remove(int sessionId) {
        FetchSession session = sessions.remove(sessionId);
        if (session == null) {
            return;
        }
        synchronized (session) {
            lastUsed.remove(new LastUsedKey(session.lastUsedMs, session.id));
            EvictableKey key = new EvictableKey(session.privileged, session.cachedSize, session.id);
            evictableByAll.remove(key);
            evictableByPrivileged.remove(key);
        }
    }

    /**
     * Records a use and re-files the session for eviction: for two minutes after its creation a
     * session can be evicted only by a follower's new session, and a follower's own session not at
     * all; after that by anyone with a larger claim.
     */
    private synchronized void touch(FetchSession session, long now) {
        if (!sessions.containsKey(session.id)) {
            return;
        }
        synchronized (session) {
            boolean established = now - session.creationMs > evictionMs;
            // A consumer fetches many times a second; the eviction order only needs to be right to
            // within a second of a two-minute window, so unchanged sessions are re-filed at most once a second.
            if (session.cachedSize == session.partitions.size() && session.filedEstablished == established
                    && now - session.lastUsedMs < TOUCH_RESOLUTION_MS) {
                return;
            }
            session.filedEstablished = established;
            lastUsed.remove(new LastUsedKey(session.lastUsedMs, session.id));
            session.lastUsedMs = now;
            lastUsed.put(new LastUsedKey(now, session.id), session);
            if (session.cachedSize != -1) {
                EvictableKey old = new EvictableKey(session.privileged, session.cachedSize, session.id);
                evictableByAll.remove(old);
                evictableByPrivileged.remove(old);
            }
            session.cachedSize = session.partitions.size();
            EvictableKey key = new EvictableKey(session.privileged, session.cachedSize, session.id);
            if (!session.privileged || established) {
                evictableByPrivileged.put(key, session);
            }
            if (established) {
                evictableByAll.put(key, session);
            }
        }
    }
}
