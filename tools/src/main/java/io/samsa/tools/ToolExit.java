package io.samsa.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The tools' exit statuses and their one way of reporting a bad command line. Samsa's command-line
 * programs exit 2 for misuse (as {@code samsa-server-start.sh} and {@code samsa-bench.sh} do), 1
 * when a run could not start or failed, 0 otherwise. Stateless.
 */
final class ToolExit {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int MISUSE = 2;

    /** What prints a tool's usage (its option parser's help). */
    @FunctionalInterface
    interface Help {
        void printOn(OutputStream out) throws IOException;
    }

    private ToolExit() {
    }

    /**
     * Prints {@code tool: error: <why>} and then the usage to {@code err}.
     *
     * @return {@link #MISUSE}
     */
    static int misuse(String tool, UsageException e, Help help, PrintStream err) {
        err.println(tool + ": error: " + e.getMessage());
        try {
            help.printOn(err);
        } catch (IOException ignored) {
            // err is a PrintStream, which does not throw; the usage is a courtesy anyway.
        }
        err.flush();
        return MISUSE;
    }

    /** Prints the usage to {@code out} (for {@code --help}, or no arguments at all). */
    static int help(String tool, Help help, PrintStream out, PrintStream err) {
        try {
            help.printOn(out);
            out.flush();
            return OK;
        } catch (IOException e) {
            err.println(tool + ": cannot print the help: " + e.getMessage());
            return FAILURE;
        }
    }
}
