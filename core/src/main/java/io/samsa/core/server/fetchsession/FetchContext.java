package io.samsa.core.server.fetchsession;

import io.samsa.common.Errors;

import java.util.ArrayList;
import java.util.List;

/**
 * How one fetch request relates to fetch sessions, decided before it is read: which partitions to
 * read, and afterwards which of the answers to send and under which session id. Created by
 * {@link FetchSessionCache#newContext}.
 */
public sealed interface FetchContext {

    /** What the handler learned of one partition, enough to tell whether the client needs to hear it. */
    record Answer(long highWatermark, long logStartOffset, short errorCode, boolean hasRecords, boolean diverging) {
    }

    /** Which answers to send (indices into the partitions, in order), the session id, or a top-level error. */
    record Outcome(Errors error, int sessionId, List<Integer> included) {
    }

    /** The partitions to read, in order. */
    List<FetchPartitionRequest> partitions();

    /** Chooses what to send from one answer per partition of {@link #partitions()}, updating the session. */
    Outcome complete(List<Answer> answers);

    private static List<Integer> all(int count) {
        List<Integer> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(i);
        }
        return all;
    }

    /** A fetch without a session (epoch -1, or versions before 7): everything is sent. */
    record Sessionless(List<FetchPartitionRequest> partitions) implements FetchContext {
        @Override
        public Outcome complete(List<Answer> answers) {
            return new Outcome(Errors.NONE, 0, all(answers.size()));
        }
    }

    /** The request cannot be served in its session (unknown id, wrong epoch): nothing is read. */
    record SessionError(Errors error) implements FetchContext {
        @Override
        public List<FetchPartitionRequest> partitions() {
            return List.of();
        }

        @Override
        public Outcome complete(List<Answer> answers) {
            return new Outcome(error, 0, List.of());
        }
    }

    /** A full fetch that opens a session (epoch 0): everything is sent, and the session remembers it. */
    record Full(List<FetchPartitionRequest> partitions, FetchSessionCache cache, boolean privileged, boolean usesTopicIds)
            implements FetchContext {
        @Override
        public Outcome complete(List<Answer> answers) {
            int id = cache.maybeCreateSession(privileged, usesTopicIds, partitions, answers);
            return new Outcome(Errors.NONE, id, all(answers.size()));
        }
    }

    /** An incremental fetch (epoch > 0) in a live session: only partitions with news are sent. */
    record Incremental(FetchSession session, int expectedEpoch, List<FetchPartitionRequest> partitions) implements FetchContext {
        @Override
        public Outcome complete(List<Answer> answers) {
            synchronized (session) {
                if (session.epoch != expectedEpoch) {
                    // Another request of this session came in meanwhile: the client sent a duplicate.
                    return new Outcome(Errors.INVALID_FETCH_SESSION_EPOCH, session.id, List.of());
                }
                List<Integer> included = new ArrayList<>();
                for (int i = 0; i < answers.size(); i++) {
                    FetchPartitionRequest.PartitionKey key = partitions.get(i).key(session.usesTopicIds);
                    FetchSession.CachedPartition cached = session.partitions.get(key);
                    Answer a = answers.get(i);
                    if (cached == null || cached.mustRespond(a.highWatermark(), a.logStartOffset(), a.errorCode(), a.hasRecords(),
                            a.diverging(), true)) {
                        included.add(i);
                        if (a.hasRecords()) {
                            session.rotate(key);
                        }
                    }
                }
                return new Outcome(Errors.NONE, session.id, included);
            }
        }
    }
}
