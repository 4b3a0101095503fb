package io.samsa.testkit;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for a future in a test (or inside a {@link Wait} condition) without checked exceptions. */
public final class Futures {

    private Futures() {
    }

    /** The future's value; its failure's cause is rethrown wrapped in an {@link IllegalStateException}. */
    public static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
