package io.samsa.core.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.samsa.common.MockTime;
import io.samsa.core.log.MockScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The timing-wheel timer on a mock clock: every task runs at its due millisecond, never before. */
class TimerTest {

    private final MockTime time = new MockTime();
    private final MockScheduler scheduler = new MockScheduler(time);
    private final Timer timer = new Timer("test", time, scheduler);
    private final List<String> ran = new ArrayList<>();

    private TimerTask task(String name, long delayMs) {
        return new TimerTask(delayMs) {
            @Override
            public void run() {
                ran.add(name + "@" + (time.milliseconds() - START));
            }
        };
    }

    private static final long START = new MockTime().milliseconds();

    private void advanceTo(long msFromStart) {
        while (time.milliseconds() - START < msFromStart) {
            time.advance(1);
            scheduler.tick();
        }
    }

    @Test
    void tasksRunAtTheirDueTimeAcrossWheelLevels() {
        // 5 ms: first wheel; 150 ms: second (20 ms ticks); 3 s: third (400 ms ticks); 20 s: fourth.
        for (long delay : new long[] {20_000, 5, 3_000, 150, 0}) {
            timer.add(task("t" + delay, delay));
        }
        scheduler.tick();
        assertEquals(List.of("t0@0"), ran);
        assertEquals(4, timer.size());
        advanceTo(25_000);
        assertEquals(List.of("t0@0", "t5@5", "t150@150", "t3000@3000", "t20000@20000"), ran);
        assertEquals(0, timer.size());
    }

    @Test
    void aCancelledTaskNeverRuns() {
        TimerTask a = task("a", 10);
        timer.add(a);
        timer.add(task("b", 10));
        a.cancel();
        advanceTo(50);
        assertEquals(List.of("b@10"), ran);
        assertEquals(0, timer.size());
    }

    @Test
    void manyRandomTasksAllRunOnTime() {
        Random random = new Random(7);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            long delay = random.nextInt(2_000);
            timer.add(task("x", delay));
            expected.add("x@" + delay);
        }
        advanceTo(2_100);
        expected.sort((p, q) -> Long.compare(Long.parseLong(p.substring(2)), Long.parseLong(q.substring(2))));
        assertEquals(expected, ran);
    }

    @Test
    void aTaskAddedLaterIsTimedFromWhenItWasAdded() {
        advanceTo(1_000);
        timer.add(task("late", 30));
        advanceTo(1_029);
        assertEquals(List.of(), ran);
        advanceTo(1_030);
        assertEquals(List.of("late@1030"), ran);
    }
}
