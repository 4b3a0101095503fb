package io.samsa.tools;

/**
 * A command line a tool cannot run: an unknown option, a missing or conflicting one, or a value
 * of the wrong kind. The message says why in one line; the tool prints it with its usage and exits
 * with {@link ToolExit#MISUSE}. Immutable once thrown.
 */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
