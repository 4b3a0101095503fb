package io.samsa.tools.cli;

import io.samsa.common.errors.SamsaException;
import io.samsa.common.errors.TimeoutException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns whatever stopped a tool into the one line it prints: the message of a {@link ToolFailure}
 * or of a client error (a broker's refusal, a timeout), a file error in plain words, and, for
 * anything unexpected, the exception's class and message with a pointer to {@code --verbose}.
 * The wrappers futures add ({@link ExecutionException}, {@link CompletionException}) are looked
 * through. Stateless.
 */
public final class FailureMessages {

    private FailureMessages() {
    }

    /** The line describing {@code failure}; {@code verbose} says whether its stack trace follows. */
    public static String describe(Throwable failure, boolean verbose) {
        Throwable t = unwrap(failure);
        if (t instanceof ToolFailure) {
            return t.getMessage();
        }
        if (t instanceof TimeoutException) {
            return messageOrName(t) + " (--timeout MS waits longer)";
        }
        if (t instanceof SamsaException) {
            return messageOrName(t);
        }
        if (t instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (t instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (t instanceof IOException) {
            return messageOrName(t);
        }
        if (t instanceof InterruptedException) {
            return "interrupted";
        }
        String text = t.getMessage() == null ? t.getClass().getName() : t.getClass().getName() + ": " + t.getMessage();
        return verbose ? "unexpected error: " + text : "unexpected error: " + text + " (--verbose prints the stack trace)";
    }

    /** The first cause that is not a future's wrapper. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String messageOrName(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
