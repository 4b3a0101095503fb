package io.samsa.tools.cli;

/**
 * A failure the tool foresaw and can explain in one line, such as {@code Topic 'x' does not exist}
 * or an unreachable cluster: {@link ToolRunner} prints {@code <tool>: <message>} and exits with
 * {@link ExitStatus#FAILURE}. The message is the whole explanation; a cause, when there is one, is
 * shown only with {@code --verbose}. Immutable once thrown.
 */
public final class ToolFailure extends RuntimeException {

    public ToolFailure(String message) {
        super(message);
    }

    public ToolFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
