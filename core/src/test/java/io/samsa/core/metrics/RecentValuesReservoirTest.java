package io.samsa.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.codahale.metrics.Snapshot;
import io.samsa.common.MockTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RecentValuesReservoirTest {

    private final MockTime time = new MockTime();
    private final RecentValuesReservoir reservoir = new RecentValuesReservoir(time);

    @Test
    void snapshotsGiveTheDistributionOfWhatWasRecorded() {
        for (int v = 1; v <= 1000; v++) {
            reservoir.update(v);
        }
        Snapshot s = reservoir.getSnapshot();
        assertEquals(1000, s.size());
        assertEquals(1, s.getMin());
        assertEquals(1000, s.getMax());
        assertEquals(500.5, s.getMean(), 0.5);
        assertEquals(500, s.getMedian(), 1);
        assertEquals(990, s.get99thPercentile(), 1);
        assertEquals(1000, s.getValues().length);
    }

    @Test
    void valuesStayForOneToTwoWindowsThenLeave() {
        reservoir.update(7);
        assertEquals(1, reservoir.getSnapshot().size());
        time.advance(RecentValuesReservoir.WINDOW_MS);
        reservoir.update(9);
        Snapshot both = reservoir.getSnapshot();
        assertEquals(2, both.size(), "the previous window still counts");
        time.advance(RecentValuesReservoir.WINDOW_MS);
        Snapshot last = reservoir.getSnapshot();
        assertEquals(1, last.size(), "the oldest window has left");
        assertEquals(9, last.getMax());
        time.advance(2 * RecentValuesReservoir.WINDOW_MS);
        assertEquals(0, reservoir.getSnapshot().size());
        assertEquals(0, reservoir.getSnapshot().getMax());
    }

    @Test
    void anEmptyReservoirReadsAsZeros() {
        Snapshot s = reservoir.getSnapshot();
        assertEquals(0, s.size());
        assertEquals(0, s.get99thPercentile());
        assertEquals(0, s.getMean());
        assertEquals(0, s.getValues().length);
    }

    @Test
    @Timeout(30)
    void concurrentWritersLoseNoValueWhileSnapshotsAreTaken() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 100_000; i++) {
                        reservoir.update(i % 100);
                    }
                }));
            }
            long reads = 0;
            while (!writers.stream().allMatch(Future::isDone)) {
                reads += reservoir.getSnapshot().size() >= 0 ? 1 : 0;
            }
            for (Future<?> f : writers) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertEquals(400_000, reservoir.getSnapshot().size(), "after " + reads + " concurrent snapshots");
        } finally {
            pool.shutdownNow();
        }
    }
}
