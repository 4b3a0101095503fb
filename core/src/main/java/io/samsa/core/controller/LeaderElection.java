package io.samsa.core.controller;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/**
 * Kafka's leader election rules, as pure functions of a partition's assignment (replicas in
 * preference order), ISR and which brokers may lead. Stateless.
 */
final class LeaderElection {

    /** An elected leader and the ISR that goes with it. */
    record Result(int leader, List<Integer> isr) {
    }

    private LeaderElection() {
    }

    /**
     * The first replica in assignment order that can lead and is in the ISR; the new ISR keeps the
     * members that are alive. Without such a replica, and only if unclean election is enabled, the
     * first replica that can lead, with an ISR of just itself (its log may lack acknowledged data).
     * {@code uncleanEnabled} is asked only when no in-sync replica can lead.
     */
    static Optional<Result> offline(List<Integer> assignment, List<Integer> isr, IntPredicate canLead, IntPredicate isAlive,
                                    BooleanSupplier uncleanEnabled) {
        for (int replica : assignment) {
            if (canLead.test(replica) && isr.contains(replica)) {
                return Optional.of(new Result(replica, filter(isr, isAlive)));
            }
        }
        if (uncleanEnabled.getAsBoolean()) {
            for (int replica : assignment) {
                if (canLead.test(replica)) {
                    return Optional.of(new Result(replica, List.of(replica)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Moving leadership off brokers that are shutting down: the first ISR replica in assignment
     * order that is alive and not shutting down; the ISR loses the shutting-down brokers.
     */
    static Optional<Result> controlledShutdown(List<Integer> assignment, List<Integer> isr, IntPredicate canLead,
                                               Collection<Integer> shuttingDown) {
        for (int replica : assignment) {
            if (canLead.test(replica) && isr.contains(replica) && !shuttingDown.contains(replica)) {
                return Optional.of(new Result(replica, filter(isr, r -> !shuttingDown.contains(r))));
            }
        }
        return Optional.empty();
    }

    /**
     * Completing a reassignment away from a leader that is leaving or cannot lead: the first
     * target replica that can lead and is in the ISR; the ISR is kept (the leaving replicas are
     * taken out of it afterwards).
     */
    static Optional<Result> reassigned(List<Integer> targetReplicas, List<Integer> isr, IntPredicate canLead) {
        for (int replica : targetReplicas) {
            if (canLead.test(replica) && isr.contains(replica)) {
                return Optional.of(new Result(replica, isr));
            }
        }
        return Optional.empty();
    }

    /** The preferred (first) replica, if it can lead and is in the ISR. */
    static Optional<Result> preferred(List<Integer> assignment, List<Integer> isr, IntPredicate canLead) {
        if (!assignment.isEmpty()) {
            int preferred = assignment.get(0);
            if (canLead.test(preferred) && isr.contains(preferred)) {
                return Optional.of(new Result(preferred, isr));
            }
        }
        return Optional.empty();
    }

    /**
     * A new partition's first leader and ISR: the replicas that can lead, in assignment order; the
     * first of them leads. Empty if none can.
     */
    static Optional<Result> initial(List<Integer> assignment, IntPredicate canLead) {
        List<Integer> live = filter(assignment, canLead);
        return live.isEmpty() ? Optional.empty() : Optional.of(new Result(live.get(0), live));
    }

    /**
     * The ISR after the given brokers stop, removed one at a time in the given order as Kafka's
     * controller does, except that the last member is never removed (with clean elections only, an
     * empty ISR could never elect a leader again). {@code uncleanEnabled} is asked only then.
     */
    static List<Integer> isrWithout(List<Integer> isr, List<Integer> stopped, BooleanSupplier uncleanEnabled) {
        List<Integer> result = new ArrayList<>(isr);
        for (Integer broker : stopped) {
            if (result.contains(broker) && (result.size() > 1 || uncleanEnabled.getAsBoolean())) {
                result.remove(broker);
            }
        }
        return result;
    }

    private static List<Integer> filter(List<Integer> replicas, IntPredicate keep) {
        List<Integer> result = new ArrayList<>(replicas.size());
        for (int r : replicas) {
            if (keep.test(r)) {
                result.add(r);
            }
        }
        return result;
    }
}
