package io.samsa.tools.cli;

/**
 * The exit statuses of every Samsa command-line tool: 0 when it did what was asked, 1 when it
 * could not (the cluster is unreachable, the topic does not exist, the broker refused), 2 when the
 * command line itself is wrong (the usage is printed). Constants only.
 */
public final class ExitStatus {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private ExitStatus() {
    }
}
