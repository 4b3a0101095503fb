package io.samsa.tools.cli;

import io.samsa.clients.internals.ClientVersion;

import java.io.PrintStream;

/**
 * Runs a {@link Tool} the same way for every Samsa tool: parse, run, exit status.
 * <ul>
 *   <li>a bad command line prints {@code <tool>: error: <why>} and the usage on standard error and
 *       exits {@value ExitStatus#USAGE}, whether parsing found it or running did (a config key only
 *       the cluster knows is wrong);
 *   <li>{@code --help} prints the usage on standard output and exits {@value ExitStatus#OK};
 *       {@code --version} prints the version and exits {@value ExitStatus#OK} too;
 *   <li>any failure while running prints one line, {@code <tool>: <message>} (see
 *       {@link FailureMessages}), on standard error and exits {@value ExitStatus#FAILURE}; its stack
 *       trace follows only when the tool's options say {@code --verbose}, which also raises the log
 *       level of {@code config/tools-logback.xml} to INFO and lets it print exceptions (system
 *       properties read when logging starts, which is after the command line is parsed).
 * </ul>
 * Stateless.
 */
public final class ToolRunner {

    /** The tools' log level, as {@code config/tools-logback.xml} reads it. */
    public static final String LOG_LEVEL_PROPERTY = "samsa.tools.log.level";
    /** How {@code config/tools-logback.xml} prints a logged exception (by default, not at all). */
    public static final String LOG_EXCEPTIONS_PROPERTY = "samsa.tools.log.exceptions";

    private ToolRunner() {
    }

    /** The tool's whole program: runs it on the process's streams and exits with its status. */
    public static void main(Tool<?> tool, String[] args) {
        int status = execute(tool, args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** Runs the tool with the streams given and returns its exit status. */
    public static <O> int execute(Tool<O> tool, String[] args, PrintStream out, PrintStream err) {
        O options;
        try {
            options = tool.parse(args);
        } catch (UsageException e) {
            return usageError(tool, e.getMessage(), err);
        } catch (CommandLine.VersionRequested e) {
            out.println(ClientVersion.VERSION + " (Samsa; speaks the protocol of Apache Kafka 3.9)");
            out.flush();
            return ExitStatus.OK;
        }
        if (options == null) {
            tool.printUsage(out);
            out.flush();
            return ExitStatus.OK;
        }
        boolean verbose = tool.verbose(options);
        if (verbose && System.getProperty(LOG_LEVEL_PROPERTY) == null) {
            System.setProperty(LOG_LEVEL_PROPERTY, "INFO");
            System.setProperty(LOG_EXCEPTIONS_PROPERTY, "%ex");
        }
        try {
            tool.run(options, out, err);
            out.flush();
            return ExitStatus.OK;
        } catch (UsageException e) {
            // A command line that only the cluster could show wrong, such as a key the broker does not have.
            out.flush();
            return usageError(tool, e.getMessage(), err);
        } catch (Throwable t) {
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            out.flush();
            err.println(tool.name() + ": " + FailureMessages.describe(t, verbose));
            if (verbose) {
                t.printStackTrace(err);
            }
            err.flush();
            return ExitStatus.FAILURE;
        }
    }

    /** Prints {@code <tool>: error: <why>} and the usage on {@code err}; returns {@link ExitStatus#USAGE}. */
    public static int usageError(Tool<?> tool, String why, PrintStream err) {
        err.println(tool.name() + ": error: " + why);
        tool.printUsage(err);
        err.flush();
        return ExitStatus.USAGE;
    }
}
