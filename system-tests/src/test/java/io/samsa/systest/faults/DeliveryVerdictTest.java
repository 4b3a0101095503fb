package io.samsa.systest.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.systest.faults.VerifiableConsumerRun.Consumed;
import io.samsa.systest.faults.VerifiableProducerRun.Ack;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The verdict's arithmetic on hand-made runs, so a scenario's numbers mean what the table says. */
class DeliveryVerdictTest {

    @Test
    void cleanRunHasNoViolationsAndItsLongestGap() {
        List<Ack> acks = List.of(new Ack("0", 0, 0, 1_000), new Ack("1", 0, 1, 1_010), new Ack("2", 0, 2, 4_010));
        List<Consumed> log = List.of(new Consumed(0, 0, "0"), new Consumed(0, 1, "1"), new Consumed(0, 2, "2"));
        // The consumer got offset 1 twice after a rebalance: a redelivery, not a duplicate.
        List<Consumed> consumed = List.of(log.get(0), log.get(1), log.get(1), log.get(2));

        DeliveryVerdict v = DeliveryVerdict.of(3, acks, consumed, log);

        assertEquals(List.of(), v.violations());
        assertEquals(3, v.acknowledged());
        assertEquals(3, v.consumed());
        assertEquals(1, v.redelivered());
        assertEquals(3_000, v.longestWriteGapMs());
        assertEquals(1_010, v.longestWriteGapStartMs());
    }

    @Test
    void lostDuplicatedMisplacedAndUnacknowledgedRecordsAreEachReported() {
        List<Ack> acks = List.of(new Ack("0", 0, 0, 1), new Ack("1", 0, 1, 2), new Ack("2", 0, 2, 3));
        // "1" was truncated away and "2" written twice, the second time where "1" had been acknowledged.
        List<Consumed> log = List.of(new Consumed(0, 0, "0"), new Consumed(0, 1, "2"), new Consumed(0, 2, "2"));

        DeliveryVerdict v = DeliveryVerdict.of(4, acks, log, log);

        assertEquals(Set.of("1"), v.lost());
        assertEquals(Set.of("1"), v.lostInAudit());
        assertEquals(Set.of("2 at [0@1, 0@2]"), v.duplicated());
        assertEquals(List.of("value 1 acknowledged at 0@1 where the log holds 2"), v.misplaced());
        List<String> violations = v.violations();
        assertEquals(5, violations.size(), violations::toString);
        assertTrue(violations.get(0).startsWith("3 of 4 records acknowledged"), violations::toString);
    }
}
