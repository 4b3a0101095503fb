package io.samsa.tools.cli;

import java.io.PrintStream;

/**
 * One command-line tool as {@link ToolRunner} runs it: how it reads its command line, how it
 * prints its usage, and what it does. Implementations keep no state between calls.
 *
 * @param <O> the tool's parsed command line
 */
public interface Tool<O> {

    /** The name in the tool's messages: its bin/ script's name without {@code .sh}. */
    String name();

    /**
     * Reads the command line.
     *
     * @return the options, or null when the tool should only print its usage ({@code --help})
     * @throws UsageException for a command line the tool cannot run, with a one-line reason
     */
    O parse(String[] args) throws UsageException;

    /** Prints what the tool does and its options. */
    void printUsage(PrintStream out);

    /** Whether a failure should print its stack trace ({@code --verbose}). */
    default boolean verbose(O options) {
        return false;
    }

    /**
     * Does the work, printing results on {@code out} and warnings on {@code err}.
     *
     * @throws ToolFailure for a failure explained in one line; any other exception is reported
     *                     by {@link FailureMessages}
     */
    void run(O options, PrintStream out, PrintStream err) throws Exception;
}
