package io.samsa.tools.cli;

import joptsimple.OptionParser;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;

import java.nio.file.Path;

/**
 * Declares the options every cluster tool shares on a tool's parser, and reads them back:
 * {@code --bootstrap-server} (required), {@code --command-config FILE} (admin client properties, as
 * in Kafka's tools), {@code --timeout MS} (how long to wait for the cluster; default
 * {@value #DEFAULT_TIMEOUT_MS}), {@code --verbose}, {@code --help}, and, for tools that list or
 * describe, {@code --output table|json}; {@code --zookeeper}, which Kafka's tools no longer take,
 * is refused with a pointer to {@code --bootstrap-server}. Not thread-safe: one per parser.
 */
public final class CommonOptions {

    /** Long enough for a healthy cluster, short enough that a dead address is noticed at once. */
    public static final int DEFAULT_TIMEOUT_MS = 5_000;

    private final OptionSpec<String> bootstrapServer;
    private final OptionSpec<String> commandConfig;
    private final OptionSpec<Integer> timeout;
    private final OptionSpec<Void> verbose;
    private final OptionSpec<String> output;
    private final OptionSpec<String> zookeeper;

    /**
     * @param listing whether the tool prints listings or descriptions, and so takes {@code --output}
     */
    public CommonOptions(OptionParser parser, boolean listing) {
        bootstrapServer = parser.accepts("bootstrap-server", "REQUIRED: the brokers to connect to.")
                .withRequiredArg().describedAs("host:port[,host:port...]");
        commandConfig = parser.accepts("command-config", "Admin client properties file (security settings, "
                + "client.id, ...).").withRequiredArg().describedAs("file");
        timeout = parser.accepts("timeout", "How long to wait for the cluster to answer, at first contact and for "
                + "each request (sets the admin client's default.api.timeout.ms and request.timeout.ms).")
                .withRequiredArg().ofType(Integer.class).defaultsTo(DEFAULT_TIMEOUT_MS).describedAs("ms");
        verbose = parser.accepts("verbose", "On failure, print the stack trace; log the clients' INFO messages.");
        output = listing ? parser.accepts("output", "Print the result as text (Kafka's format) or as one JSON "
                + "document.").withRequiredArg().defaultsTo(OutputFormat.TABLE.label()).describedAs("table|json") : null;
        zookeeper = parser.accepts("zookeeper", "Refused: the tools talk to the brokers (--bootstrap-server), as Kafka's "
                + "have since 3.0.").withRequiredArg().describedAs("host:port");
        parser.accepts("help", "Print this usage.").forHelp(); // CommandLine.parse sees it
    }

    /** The shared settings; {@code --bootstrap-server} must be there. */
    public CommonSettings read(OptionSet set) throws UsageException {
        return read(set, null);
    }

    /**
     * The shared settings of a tool that also takes Kafka's deprecated {@code --broker-list}
     * spelling of {@code --bootstrap-server}, which is ignored when {@code --bootstrap-server} is
     * given (as in Kafka's tools).
     *
     * @param brokerList the tool's {@code --broker-list} option, or null when it has none
     */
    public CommonSettings read(OptionSet set, OptionSpec<String> brokerList) throws UsageException {
        if (set.has(zookeeper)) {
            throw new UsageException("--zookeeper is not supported: Samsa's tools talk to the brokers, as Kafka's have since 3.0 "
                    + "(kafka-configs kept it only for SCRAM credentials); give --bootstrap-server HOST:PORT instead");
        }
        OptionSpec<String> servedBy = brokerList != null && !set.has(bootstrapServer) && set.has(brokerList)
                ? brokerList : bootstrapServer;
        CommandLine.require(set, servedBy);
        String servers = set.valueOf(servedBy).trim();
        if (servers.isEmpty()) {
            throw new UsageException("--bootstrap-server needs at least one host:port");
        }
        int timeoutMs = set.valueOf(timeout);
        if (timeoutMs <= 0) {
            throw new UsageException("--timeout must be positive, not " + timeoutMs);
        }
        OutputFormat format = output == null ? OutputFormat.TABLE : OutputFormat.parse(set.valueOf(output));
        return new CommonSettings(servers, set.has(commandConfig) ? Path.of(set.valueOf(commandConfig)) : null,
                timeoutMs, set.has(verbose), format);
    }
}
