package io.samsa.bench;

/** A perf tool's output lacks the summary the harness needs, or it does not parse. */
public final class ToolOutputException extends Exception {

    public ToolOutputException(String message) {
        super(message);
    }
}
