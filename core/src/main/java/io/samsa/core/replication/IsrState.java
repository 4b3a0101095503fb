package io.samsa.core.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A leader's ISR as Kafka 3.9 keeps it: the committed ISR the controller wrote, or a change in
 * flight to the controller. While an expansion is in flight the new member already counts for the
 * high watermark (waiting for one more replica is only stricter); while a shrink is in flight the
 * leaving members still count (trusting the smaller ISR before the controller agreed could commit
 * records a later leader does not have). Only one change is in flight at a time. Immutable.
 */
sealed interface IsrState {

    /** The ISR the controller last wrote. */
    List<Integer> isr();

    /** The replicas the high watermark waits for. */
    List<Integer> maximalIsr();

    /** Whether a change is waiting for the controller's answer. */
    boolean inFlight();

    /** The ISR written by the controller, with nothing pending. */
    record Committed(List<Integer> isr) implements IsrState {

        public Committed {
            isr = List.copyOf(isr);
        }

        @Override
        public List<Integer> maximalIsr() {
            return isr;
        }

        @Override
        public boolean inFlight() {
            return false;
        }
    }

    /** {@code added} caught up and was proposed to the controller. */
    record PendingExpand(int added, Committed last) implements IsrState {

        @Override
        public List<Integer> isr() {
            return last.isr();
        }

        @Override
        public List<Integer> maximalIsr() {
            List<Integer> maximal = new ArrayList<>(last.isr());
            maximal.add(added);
            return maximal;
        }

        @Override
        public boolean inFlight() {
            return true;
        }

        List<Integer> proposed() {
            return maximalIsr();
        }
    }

    /** {@code removed} fell behind and their removal was proposed to the controller. */
    record PendingShrink(Set<Integer> removed, Committed last) implements IsrState {

        public PendingShrink {
            removed = Set.copyOf(removed);
        }

        @Override
        public List<Integer> isr() {
            return last.isr();
        }

        @Override
        public List<Integer> maximalIsr() {
            return last.isr();
        }

        @Override
        public boolean inFlight() {
            return true;
        }

        List<Integer> proposed() {
            List<Integer> proposed = new ArrayList<>(last.isr());
            proposed.removeAll(removed);
            return proposed;
        }
    }
}
