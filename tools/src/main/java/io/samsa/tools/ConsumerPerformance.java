package io.samsa.tools;

import io.samsa.clients.consumer.Consumer;
import io.samsa.clients.consumer.ConsumerConfig;
import io.samsa.clients.consumer.ConsumerRebalanceListener;
import io.samsa.clients.consumer.ConsumerRecord;
import io.samsa.clients.consumer.ConsumerRecords;
import io.samsa.clients.consumer.SamsaConsumer;
import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.SamsaException;
import io.samsa.common.serialization.ByteArrayDeserializer;
import io.samsa.tools.cli.ClientProperties;
import io.samsa.tools.cli.Progress;
import io.samsa.tools.cli.Tool;
import io.samsa.tools.cli.ToolFailure;
import io.samsa.tools.cli.ToolRunner;
import io.samsa.tools.cli.UsageException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;

/**
 * {@code samsa-consumer-perf-test}: Samsa's consumer driven the way Apache Kafka 3.9's
 * {@code ConsumerPerformance} drives {@code KafkaConsumer}, with its flags (see
 * {@link ConsumerPerformanceOptions}) and its output (see {@link ConsumerPerfStats}), so the two
 * clients can be compared by one parser. One consumer joins the group, subscribed to the topic,
 * and polls (100 ms at a time) until it has read {@code --messages} records or {@code --timeout}
 * has passed without one; a rebalance listener times the group join. Records are counted per poll,
 * their key and value bytes summed from the byte arrays the consumer returned; nothing is allocated
 * per record. The consumer is configured as Kafka's tool configures it: the
 * {@code --consumer.config} file, then {@code bootstrap.servers}, {@code group.id},
 * {@code receive.buffer.bytes}, {@code max.partition.fetch.bytes} and {@code auto.offset.reset}
 * ({@code earliest} unless {@code --from-latest}) from the flags, {@code check.crcs=false}, byte-array
 * deserializers, and {@code client.id} {@value #DEFAULT_CLIENT_ID} unless the file names one;
 * auto-commit keeps the consumer's default (on), as in Kafka's tool.
 *
 * <p>Before the run it checks that the cluster answers ({@link PerfCluster}), so that a dead
 * {@code --bootstrap-server} fails within seconds, naming the address, where Kafka's tool would
 * poll until {@code --timeout} and report an empty run.
 *
 * <p>On a terminal a {@link Progress} line on standard error counts the records read (see
 * {@link ConsumerPerfStats}); none when standard output is a file or a pipe.
 *
 * <p>Exit status ({@link ToolRunner}): 0 after a run, also one that gave up early (it prints Kafka's {@code WARNING:
 * Exiting before consuming the expected number of messages} line), and for {@code --help} or no
 * arguments; 2 for a bad command line (one error line and the usage on standard error); 1 when the
 * consumer could not be created or failed during the run.
 *
 * <p>Not thread-safe: an instance does one run at a time, on the calling thread, which owns the
 * consumer and the statistics.
 */
public final class ConsumerPerformance {

    static final String DEFAULT_CLIENT_ID = "perf-consumer-client";
    /** Kafka's tool polls 100 ms at a time; one Duration for every poll. */
    static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final Tool<ConsumerPerformanceOptions> TOOL = new Program();

    private final Time time;
    private final PrintStream out;
    private final TimeZone zone;
    private final Progress progress;

    /** @param zone the zone of the printed times (the system's in the command-line tool) */
    ConsumerPerformance(Time time, PrintStream out, TimeZone zone) {
        this(time, out, zone, Progress.none());
    }

    /** @param progress the progress line (only on a terminal) */
    ConsumerPerformance(Time time, PrintStream out, TimeZone zone, Progress progress) {
        this.time = time;
        this.out = out;
        this.zone = zone;
        this.progress = progress;
    }

    public static void main(String[] args) {
        ToolRunner.main(TOOL, args);
    }

    /** The whole program, with its streams given: parses, creates the consumer, runs; returns the exit status. */
    static int execute(String[] args, PrintStream out, PrintStream err) {
        return ToolRunner.execute(TOOL, args, out, err);
    }

    /**
     * Prints the header, consumes, closes the consumer (also when consuming fails), then prints the
     * summary and, with --print-metrics, the consumer's metrics as they were before closing.
     */
    void run(ConsumerPerformanceOptions options, Consumer<byte[], byte[]> consumer) {
        SimpleDateFormat dateFormat = new SimpleDateFormat(options.dateFormat());
        dateFormat.setTimeZone(zone);
        if (!options.hideHeader()) {
            ConsumerPerfStats.printHeader(out, options.showDetailedStats());
        }
        long startMs = time.milliseconds();
        ConsumerPerfStats stats = new ConsumerPerfStats(out, dateFormat, options.showDetailedStats(),
                options.reportingIntervalMs(), startMs, options.numMessages(), progress);
        long endMs;
        Map<MetricName, ? extends Metric> metrics = null;
        try (consumer; progress) {
            consume(options, consumer, stats, startMs);
            endMs = time.milliseconds();
            if (options.printMetrics()) {
                metrics = consumer.metrics();
            }
        }
        stats.printSummary(startMs, endMs);
        if (metrics != null) {
            MetricsTable.print(out, metrics);
        }
    }

    /** Polls until enough records were read or none came for --timeout; prints Kafka's warning in the latter case. */
    private void consume(ConsumerPerformanceOptions options, Consumer<byte[], byte[]> consumer, ConsumerPerfStats stats,
                         long startMs) {
        consumer.subscribe(List.of(options.topic()), new RebalanceTimer(time, stats, startMs));
        long wanted = options.numMessages();
        long timeoutMs = options.recordFetchTimeoutMs();
        long nowMs = time.milliseconds();
        long lastConsumedMs = nowMs;
        while (stats.messages() < wanted && nowMs - lastConsumedMs <= timeoutMs) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
            nowMs = time.milliseconds();
            if (!records.isEmpty()) {
                lastConsumedMs = nowMs;
                stats.record(records.count(), keyAndValueBytes(records), nowMs);
            }
        }
        if (stats.messages() < wanted) {
            stats.printTimeoutWarning(timeoutMs);
        }
    }

    /**
     * The key and value bytes of one poll's records (null counts as 0), as Kafka's tool counts them.
     * Walks each partition's list by index, so no iterator is made per record or per partition.
     */
    static long keyAndValueBytes(ConsumerRecords<byte[], byte[]> records) {
        long bytes = 0;
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> list = records.records(tp);
            for (int i = 0, n = list.size(); i < n; i++) {
                ConsumerRecord<byte[], byte[]> r = list.get(i);
                byte[] key = r.key();
                if (key != null) {
                    bytes += key.length;
                }
                byte[] value = r.value();
                if (value != null) {
                    bytes += value.length;
                }
            }
        }
        return bytes;
    }

    /**
     * The consumer's configs: the --consumer.config file, then the flags' settings over it (see the
     * class comment). Deserializers are the tool's (byte arrays), whatever the file says.
     */
    static Properties consumerProps(ConsumerPerformanceOptions options) {
        Properties props = new Properties();
        if (options.consumerConfigFile() != null) {
            props.putAll(ClientProperties.load(options.consumerConfigFile(), "--consumer.config"));
        }
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, options.groupId());
        props.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, Integer.toString(options.socketBufferSize()));
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(options.fetchSize()));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, options.fromLatest() ? "latest" : "earliest");
        props.put(ConsumerConfig.CHECK_CRCS_CONFIG, "false");
        props.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        props.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        if (props.getProperty(ConsumerConfig.CLIENT_ID_CONFIG) == null) {
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, DEFAULT_CLIENT_ID);
        }
        return props;
    }

    /** The command line's side of the tool: what {@link ToolRunner} parses, prints and runs. Stateless. */
    private static final class Program implements Tool<ConsumerPerformanceOptions> {

        @Override
        public String name() {
            return "samsa-consumer-perf-test";
        }

        /** No arguments at all print the usage, as with Kafka's tool. */
        @Override
        public ConsumerPerformanceOptions parse(String[] args) throws UsageException {
            return args.length == 0 ? null : ConsumerPerformanceOptions.parse(args);
        }

        @Override
        public void printUsage(PrintStream out) {
            try {
                ConsumerPerformanceOptions.printHelp(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void run(ConsumerPerformanceOptions options, PrintStream out, PrintStream err) {
            if (options.deprecatedThreads()) {
                // Kafka prints it on standard output; here it stays off the lines a harness parses.
                err.println("WARNING: option [threads] and [num-fetch-threads] have been deprecated and will be ignored by the test");
            }
            Properties props = consumerProps(options);
            PerfCluster.check(name(), props, ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, err);
            Consumer<byte[], byte[]> consumer;
            try {
                consumer = new SamsaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            } catch (SamsaException | IllegalArgumentException e) {
                throw new ToolFailure("cannot create the consumer: " + e.getMessage(), e);
            }
            new ConsumerPerformance(Time.SYSTEM, out, TimeZone.getDefault(), Progress.onTerminal(err)).run(options, consumer);
        }
    }

    /**
     * Times group rebalances as Kafka's tool does: from the run's start, or from the last revocation
     * (or loss), to the next assignment. Runs inside {@code poll}, on the polling thread.
     */
    static final class RebalanceTimer implements ConsumerRebalanceListener {
        private final Time time;
        private final ConsumerPerfStats stats;
        private long rebalanceStartMs;

        RebalanceTimer(Time time, ConsumerPerfStats stats, long startMs) {
            this.time = time;
            this.stats = stats;
            this.rebalanceStartMs = startMs;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            rebalanceStartMs = time.milliseconds();
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            stats.rebalanced(time.milliseconds() - rebalanceStartMs);
        }
    }
}
