package io.samsa.tools.cli;

/**
 * A command line a tool cannot run: an unknown option, a missing or conflicting one, or a value
 * of the wrong kind. The message says why in one line; {@link ToolRunner} prints it with the
 * tool's usage and exits with {@link ExitStatus#USAGE}. Immutable once thrown.
 */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
