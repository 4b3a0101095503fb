package io.samsa.core.server;

import java.util.function.IntPredicate;

/**
 * Faults that tests inject into a running broker to reproduce what networks do to clients. Unset
 * (the default) they cost one volatile read; nothing in production sets them. Thread-safe.
 */
public final class FaultHooks {

    private volatile IntPredicate dropProduceResponse;

    /**
     * After the n-th produce request (counting from 1) has been appended, close the connection
     * instead of answering when {@code predicate} says so: the client sees a lost response and
     * retries a batch that is already in the log.
     */
    public void dropProduceResponseWhen(IntPredicate predicate) {
        this.dropProduceResponse = predicate;
    }

    public boolean shouldDropProduceResponse(int produceRequestNumber) {
        IntPredicate p = dropProduceResponse;
        return p != null && p.test(produceRequestNumber);
    }
}
