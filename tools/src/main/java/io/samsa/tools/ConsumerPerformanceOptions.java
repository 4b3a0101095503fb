package io.samsa.tools;

import io.samsa.tools.cli.CommandLine;
import io.samsa.tools.cli.UsageException;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The consumer perf tool's command line, with Apache Kafka 3.9's {@code ConsumerPerformance}
 * flags and defaults: {@code --bootstrap-server} (or the deprecated {@code --broker-list}),
 * {@code --topic} and {@code --messages} required; {@code --group} (default
 * {@code perf-consumer-<0..99999>}, a fresh group each run, so each run reads from the start),
 * {@code --fetch-size} (1 MiB, becomes {@code max.partition.fetch.bytes}),
 * {@code --socket-buffer-size} (2 MiB, {@code receive.buffer.bytes}), {@code --consumer.config},
 * {@code --from-latest}, {@code --print-metrics}, {@code --show-detailed-stats},
 * {@code --reporting-interval} (5000 ms), {@code --date-format} (a {@link SimpleDateFormat}
 * pattern, {@code yyyy-MM-dd HH:mm:ss:SSS}), {@code --hide-header} and {@code --timeout} (the
 * longest wait for a record, 10000 ms; as in Kafka its value may be left out). Kafka's deprecated
 * {@code --threads} and {@code --num-fetch-threads} are accepted and ignored, with Kafka's
 * warning. Immutable.
 *
 * @param bootstrapServers     {@code host:port[,host:port...]}
 * @param groupId              the group to consume in
 * @param fetchSize            bytes per partition per fetch
 * @param socketBufferSize     the socket's receive buffer in bytes
 * @param consumerConfigFile   a properties file read first (the flags win over it), or null
 * @param reportingIntervalMs  how often a progress line is printed with --show-detailed-stats
 * @param dateFormat           the {@link SimpleDateFormat} pattern of the printed times
 * @param recordFetchTimeoutMs the run stops after this long without a record
 * @param fromLatest           a group without committed offsets starts at the end, not the beginning
 * @param deprecatedThreads    --threads or --num-fetch-threads was given (and is ignored)
 */
public record ConsumerPerformanceOptions(String bootstrapServers, String topic, long numMessages, String groupId,
                                         int fetchSize, int socketBufferSize, Path consumerConfigFile,
                                         boolean printMetrics, boolean showDetailedStats, long reportingIntervalMs,
                                         String dateFormat, boolean hideHeader, long recordFetchTimeoutMs,
                                         boolean fromLatest, boolean deprecatedThreads) {

    static final int DEFAULT_FETCH_SIZE = 1024 * 1024;
    static final int DEFAULT_SOCKET_BUFFER_SIZE = 2 * 1024 * 1024;
    static final long DEFAULT_REPORTING_INTERVAL_MS = 5_000;
    static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd HH:mm:ss:SSS";
    static final long DEFAULT_TIMEOUT_MS = 10_000;
    static final String DEFAULT_GROUP_PREFIX = "perf-consumer-";

    private static final class Parser extends CommandLine.Declarations {
        final OptionSpec<Void> help = parser.accepts("help", "Print this help.").forHelp();
        final OptionSpec<String> bootstrapServer = parser.accepts("bootstrap-server", "REQUIRED unless --broker-list "
                + "(deprecated) is given. The server(s) to connect to.").withRequiredArg().describedAs("server to connect to");
        final OptionSpec<String> brokerList = parser.accepts("broker-list", "DEPRECATED, use --bootstrap-server "
                + "instead; ignored if --bootstrap-server is given.").withRequiredArg().describedAs("broker-list");
        final OptionSpec<String> topic = parser.accepts("topic", "REQUIRED: The topic to consume from.")
                .withRequiredArg().describedAs("topic");
        final OptionSpec<Long> messages = parser.accepts("messages", "REQUIRED: The number of messages to consume.")
                .withRequiredArg().ofType(Long.class).describedAs("count");
        final OptionSpec<String> group = parser.accepts("group", "The group id to consume in (default: "
                + DEFAULT_GROUP_PREFIX + "<random number>).").withRequiredArg().describedAs("gid");
        final OptionSpec<Integer> fetchSize = parser.accepts("fetch-size", "The most bytes to fetch from a partition "
                + "in one request (max.partition.fetch.bytes).").withRequiredArg().ofType(Integer.class)
                .describedAs("size").defaultsTo(DEFAULT_FETCH_SIZE);
        final OptionSpec<Void> fromLatest = parser.accepts("from-latest", "Without a committed offset, start at the "
                + "end of the log rather than at its beginning.");
        final OptionSpec<Integer> socketBufferSize = parser.accepts("socket-buffer-size", "The TCP receive buffer size "
                + "(receive.buffer.bytes).").withRequiredArg().ofType(Integer.class).describedAs("size")
                .defaultsTo(DEFAULT_SOCKET_BUFFER_SIZE);
        final OptionSpec<Integer> threads = parser.accepts("threads", "DEPRECATED AND IGNORED: Number of processing "
                + "threads.").withRequiredArg().ofType(Integer.class).describedAs("count").defaultsTo(10);
        final OptionSpec<Integer> numFetchThreads = parser.accepts("num-fetch-threads", "DEPRECATED AND IGNORED: "
                + "Number of fetcher threads.").withRequiredArg().ofType(Integer.class).describedAs("count").defaultsTo(1);
        final OptionSpec<String> consumerConfig = parser.accepts("consumer.config", "Consumer config properties file; "
                + "the flags above win over it.").withRequiredArg().describedAs("config file");
        final OptionSpec<Void> printMetrics = parser.accepts("print-metrics", "Print the consumer's metrics at the end.");
        final OptionSpec<Void> showDetailedStats = parser.accepts("show-detailed-stats", "Print a line of stats every "
                + "--reporting-interval instead of the summary.");
        final OptionSpec<Long> timeout = parser.accepts("timeout", "The longest time in milliseconds without a record "
                + "before the run gives up.").withOptionalArg().ofType(Long.class).describedAs("milliseconds")
                .defaultsTo(DEFAULT_TIMEOUT_MS);
        final OptionSpec<Long> reportingInterval = parser.accepts("reporting-interval", "Interval in milliseconds at "
                + "which to print progress info.").withRequiredArg().ofType(Long.class).describedAs("interval_ms")
                .defaultsTo(DEFAULT_REPORTING_INTERVAL_MS);
        final OptionSpec<String> dateFormat = parser.accepts("date-format", "The format of the printed times "
                + "(see java.text.SimpleDateFormat).").withRequiredArg().describedAs("date format")
                .defaultsTo(DEFAULT_DATE_FORMAT);
        final OptionSpec<Void> hideHeader = parser.accepts("hide-header", "Do not print the header line.");
    }

    /**
     * @return the options, or null when {@code --help} was asked for
     * @throws UsageException for unknown options, missing ones, stray arguments or bad values
     */
    public static ConsumerPerformanceOptions parse(String... args) throws UsageException {
        return CommandLine.parseKeepingArguments(Parser::new, ConsumerPerformanceOptions::read, args);
    }

    private static ConsumerPerformanceOptions read(Parser p, OptionSet set) throws UsageException {
        if (!set.nonOptionArguments().isEmpty()) {
            throw new UsageException("Unexpected argument(s): " + set.nonOptionArguments());
        }
        if (!set.has(p.bootstrapServer) && !set.has(p.brokerList)) {
            throw new UsageException("Missing required option --bootstrap-server");
        }
        for (OptionSpec<?> required : List.of(p.topic, p.messages)) {
            if (!set.has(required)) {
                throw new UsageException("Missing required option --" + required.options().get(0));
            }
        }
        long messages = set.valueOf(p.messages);
        if (messages <= 0) {
            throw new UsageException("--messages must be positive, got " + messages);
        }
        long reportingIntervalMs = set.valueOf(p.reportingInterval);
        if (reportingIntervalMs <= 0) {
            throw new UsageException("--reporting-interval must be positive, got " + reportingIntervalMs);
        }
        long timeoutMs = set.valueOf(p.timeout);
        if (timeoutMs < 0) {
            throw new UsageException("--timeout must not be negative, got " + timeoutMs);
        }
        String dateFormat = set.valueOf(p.dateFormat);
        try {
            new SimpleDateFormat(dateFormat);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--date-format '" + dateFormat + "' is not a SimpleDateFormat pattern: "
                    + e.getMessage());
        }
        String servers = set.valueOf(set.has(p.bootstrapServer) ? p.bootstrapServer : p.brokerList);
        String group = set.has(p.group) ? set.valueOf(p.group)
                : DEFAULT_GROUP_PREFIX + ThreadLocalRandom.current().nextInt(100_000);
        return new ConsumerPerformanceOptions(servers, set.valueOf(p.topic), messages, group, set.valueOf(p.fetchSize),
                set.valueOf(p.socketBufferSize), set.has(p.consumerConfig) ? Path.of(set.valueOf(p.consumerConfig)) : null,
                set.has(p.printMetrics), set.has(p.showDetailedStats), reportingIntervalMs, dateFormat,
                set.has(p.hideHeader), timeoutMs, set.has(p.fromLatest), set.has(p.threads) || set.has(p.numFetchThreads));
    }

    public static void printHelp(OutputStream out) throws IOException {
        new Parser().printHelpOn(out);
    }
}
