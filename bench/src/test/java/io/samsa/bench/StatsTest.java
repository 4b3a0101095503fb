package io.samsa.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatsTest {

    @Test
    void medianOfAnOddSampleIsItsMiddleValue() {
        assertEquals(5.0, Stats.median(List.of(9.0, 1.0, 5.0)));
        assertEquals(7.0, Stats.median(List.of(7.0)));
    }

    @Test
    void medianOfAnEvenSampleIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 3.0, 2.0)));
    }

    @Test
    void medianIgnoresAnOutlier() {
        assertEquals(10.0, Stats.median(List.of(10.0, 11.0, 1000.0, 9.0, 10.0)));
    }

    @Test
    void medianOfNothingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Stats.median(List.of()));
    }

    @Test
    void ratioNeedsBothFiguresAndANonZeroDenominator() {
        assertEquals(0.5, Stats.ratio(1.0, 2.0));
        assertNull(Stats.ratio(null, 2.0));
        assertNull(Stats.ratio(1.0, null));
        assertNull(Stats.ratio(1.0, 0.0));
        assertNull(Stats.ratio(Double.NaN, 1.0));
    }
}
