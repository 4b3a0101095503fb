package io.samsa.clients.internals;

import io.samsa.common.Errors;
import io.samsa.common.errors.ApiException;
import io.samsa.common.errors.RetriableException;
import io.samsa.common.errors.TimeoutException;

/**
 * Turns an error code from a broker into the exception the client's caller sees. Stateless.
 */
public final class ClientErrors {

    private ClientErrors() {
    }

    /** The exception for {@code error}, with the broker's message when it sent one. */
    public static ApiException exception(Errors error, String message) {
        String text = message == null || message.isEmpty() ? error.name() : error.name() + ": " + message;
        if (error == Errors.REQUEST_TIMED_OUT) {
            return new TimeoutException(text);
        }
        return error.retriable() ? new RetriableException(text) : new ApiException(text);
    }
}
