package io.samsa.systest.faults;

import io.samsa.systest.faults.VerifiableConsumerRun.Consumed;
import io.samsa.systest.faults.VerifiableProducerRun.Ack;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What happened to the records of one run, computed only from what the independent tools saw: the
 * verifiable producer's acknowledgements, the verifiable consumer's records and the audit read.
 * Lost means acknowledged but never consumed; duplicated means one value stored at two offsets (a
 * consumer receiving the same offset twice after a rebalance is a redelivery, not a duplicate);
 * misplaced means the log holds another value at the offset an acknowledgement named. Immutable.
 */
record DeliveryVerdict(int sent, int acknowledged, int consumed, Set<String> lost, Set<String> lostInAudit,
        Set<String> duplicated, List<String> misplaced, Set<String> acknowledgedTwice, int redelivered, long longestWriteGapMs,
        long longestWriteGapStartMs) {

    private static final int SAMPLE = 10;

    static DeliveryVerdict of(int sent, List<Ack> acks, List<Consumed> consumedRecords, List<Consumed> audit) {
        Set<String> acked = new HashSet<>();
        Set<String> ackedTwice = new TreeSet<>();
        for (Ack a : acks) {
            if (!acked.add(a.value())) {
                ackedTwice.add(a.value());
            }
        }
        Set<String> consumedValues = consumedRecords.stream().map(Consumed::value).collect(Collectors.toSet());
        Set<String> auditValues = audit.stream().map(Consumed::value).collect(Collectors.toSet());

        Map<String, Set<String>> positionsOfValue = new HashMap<>();
        List<Consumed> everythingRead = new ArrayList<>(consumedRecords);
        everythingRead.addAll(audit);
        for (Consumed c : everythingRead) {
            positionsOfValue.computeIfAbsent(c.value(), v -> new HashSet<>()).add(c.partition() + "@" + c.offset());
        }
        Set<String> duplicated = new TreeSet<>();
        positionsOfValue.forEach((value, positions) -> {
            if (positions.size() > 1) {
                duplicated.add(value + " at " + new TreeSet<>(positions));
            }
        });

        Map<String, String> auditAt = new HashMap<>();
        audit.forEach(c -> auditAt.put(c.partition() + "@" + c.offset(), c.value()));
        List<String> misplaced = new ArrayList<>();
        for (Ack a : acks) {
            String position = a.partition() + "@" + a.offset();
            String stored = auditAt.get(position);
            if (!a.value().equals(stored)) {
                misplaced.add("value " + a.value() + " acknowledged at " + position + " where the log holds " + stored);
            }
        }

        long[] gap = longestGap(acks);
        Set<String> redeliveredPositions = new HashSet<>();
        int redelivered = 0;
        for (Consumed c : consumedRecords) {
            if (!redeliveredPositions.add(c.partition() + "@" + c.offset())) {
                redelivered++;
            }
        }

        return new DeliveryVerdict(sent, acked.size(), consumedValues.size(), missing(acked, consumedValues),
                missing(acked, auditValues), duplicated, misplaced, ackedTwice, redelivered, gap[1] - gap[0], gap[0]);
    }

    /**
     * The two successive acknowledgement times (epoch ms) furthest apart: how long, and from when,
     * writes stalled. {0, 0} with fewer than two acknowledgements.
     */
    static long[] longestGap(List<Ack> acks) {
        long[] times = acks.stream().mapToLong(Ack::timestampMs).sorted().toArray();
        long[] longest = {0, 0};
        for (int i = 1; i < times.length; i++) {
            if (times[i] - times[i - 1] > longest[1] - longest[0]) {
                longest = new long[] {times[i - 1], times[i]};
            }
        }
        return longest;
    }

    private static Set<String> missing(Collection<String> expected, Set<String> present) {
        Set<String> out = new TreeSet<>();
        for (String v : expected) {
            if (!present.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Every broken guarantee, described with a sample of the records involved; empty when the run was clean. */
    List<String> violations() {
        List<String> v = new ArrayList<>();
        if (acknowledged != sent) {
            v.add(acknowledged + " of " + sent + " records acknowledged (retries are unlimited: every record must be)");
        }
        if (!lost.isEmpty()) {
            v.add(lost.size() + " acknowledged records never consumed, e.g. " + sample(lost));
        }
        if (!lostInAudit.isEmpty()) {
            v.add(lostInAudit.size() + " acknowledged records missing from the audit read, e.g. " + sample(lostInAudit));
        }
        if (!duplicated.isEmpty()) {
            v.add(duplicated.size() + " values stored more than once despite idempotence, e.g. " + sample(duplicated));
        }
        if (!misplaced.isEmpty()) {
            v.add(misplaced.size() + " acknowledgements name an offset holding something else, e.g. " + sample(misplaced));
        }
        if (!acknowledgedTwice.isEmpty()) {
            v.add(acknowledgedTwice.size() + " values acknowledged twice, e.g. " + sample(acknowledgedTwice));
        }
        return v;
    }

    private static String sample(Collection<String> values) {
        return values.stream().limit(SAMPLE).toList().toString();
    }
}
