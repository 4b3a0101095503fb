package io.samsa.core.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LeaderEpochFileCacheTest {

    @TempDir
    Path tmp;

    private LeaderEpochFileCache cache() throws Exception {
        return new LeaderEpochFileCache(new LeaderEpochCheckpointFile(new File(tmp.toFile(), "leader-epoch-checkpoint")));
    }

    @Test
    void assignKeepsHistoryMonotonicAndPersists() throws Exception {
        LeaderEpochFileCache cache = cache();
        assertEquals(LeaderEpochFileCache.UNDEFINED_EPOCH, cache.latestEpoch());
        cache.assign(1, 0);
        cache.assign(1, 10);
        cache.assign(2, 20);
        cache.assign(4, 50);
        assertEquals(List.of(new EpochEntry(1, 0), new EpochEntry(2, 20), new EpochEntry(4, 50)), cache.entries());
        // An epoch that contradicts later history replaces it.
        cache.assign(3, 40);
        assertEquals(List.of(new EpochEntry(1, 0), new EpochEntry(2, 20), new EpochEntry(3, 40)), cache.entries());
        assertEquals(cache.entries(), cache().entries());
        assertEquals(3, cache().latestEpoch());
    }

    @Test
    void endOffsetForAnswersOffsetsForLeaderEpoch() throws Exception {
        LeaderEpochFileCache cache = cache();
        cache.assign(2, 10);
        cache.assign(5, 30);
        cache.assign(7, 60);
        assertEquals(new EpochEntry(7, 100), cache.endOffsetFor(7, 100));
        assertEquals(new EpochEntry(5, 60), cache.endOffsetFor(6, 100));
        assertEquals(new EpochEntry(2, 30), cache.endOffsetFor(2, 100));
        assertEquals(new EpochEntry(1, 10), cache.endOffsetFor(1, 100));
        assertEquals(new EpochEntry(-1, -1), cache.endOffsetFor(8, 100));
        assertEquals(new EpochEntry(-1, -1), cache.endOffsetFor(-1, 100));
        assertEquals(5, cache.epochForOffset(59));
        assertEquals(-1, cache.epochForOffset(9));
    }

    @Test
    void truncation() throws Exception {
        LeaderEpochFileCache cache = cache();
        cache.assign(1, 0);
        cache.assign(2, 10);
        cache.assign(3, 20);
        cache.truncateFromEnd(20);
        assertEquals(List.of(new EpochEntry(1, 0), new EpochEntry(2, 10)), cache.entries());
        cache.assign(3, 25);
        cache.truncateFromStart(15);
        assertEquals(List.of(new EpochEntry(2, 15), new EpochEntry(3, 25)), cache.entries());
        assertEquals(cache.entries(), cache().entries());
    }
}
