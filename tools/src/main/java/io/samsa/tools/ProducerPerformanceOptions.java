package io.samsa.tools;

import io.samsa.tools.cli.CommandLine;
import io.samsa.tools.cli.UsageException;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The producer perf tool's command line, with Apache Kafka's {@code ProducerPerformance} flags:
 * {@code --topic}, {@code --num-records}, exactly one of {@code --record-size},
 * {@code --payload-file} (with {@code --payload-delimiter}) and {@code --payload-monotonic},
 * {@code --throughput}, {@code --producer-props k=v [k=v ...]} and/or {@code --producer.config},
 * {@code --print-metrics}, {@code --transactional-id} and {@code --transaction-duration-ms}
 * (Samsa's producer has no transactions, so a positive duration is refused). As in Kafka's tool,
 * the values after {@code --producer-props} run until the next option. Immutable.
 *
 * @param recordSize     bytes of random upper-case letters per record, or null
 * @param payloadFile    records drawn at random from this file's delimited pieces, or null
 * @param producerProps  {@code key=value} strings, in command-line order (they win over the file's)
 */
public record ProducerPerformanceOptions(String topic, long numRecords, Integer recordSize, Path payloadFile,
                                         String payloadDelimiter, boolean payloadMonotonic, double throughput,
                                         List<String> producerProps, Path producerConfigFile, boolean printMetrics,
                                         String transactionalId, long transactionDurationMs) {

    private static final class Parser extends CommandLine.Declarations {
        final OptionSpec<Void> help = parser.accepts("help", "Print this help.").forHelp();
        final OptionSpec<String> topic = parser.accepts("topic", "Produce records to this topic.")
                .withRequiredArg().describedAs("TOPIC");
        final OptionSpec<Long> numRecords = parser.accepts("num-records", "Number of records to produce.")
                .withRequiredArg().ofType(Long.class).describedAs("NUM-RECORDS");
        final OptionSpec<Integer> recordSize = parser.accepts("record-size", "Record size in bytes (exactly one of "
                + "--record-size, --payload-file, --payload-monotonic).").withRequiredArg().ofType(Integer.class)
                .describedAs("RECORD-SIZE");
        final OptionSpec<String> payloadFile = parser.accepts("payload-file", "UTF-8 file to read record payloads "
                + "from; each record is a payload picked at random.").withRequiredArg().describedAs("PAYLOAD-FILE");
        final OptionSpec<Void> payloadMonotonic = parser.accepts("payload-monotonic",
                "Each record's payload is its number, counting from 0.");
        final OptionSpec<String> payloadDelimiter = parser.accepts("payload-delimiter", "What separates the payloads "
                + "in --payload-file.").withRequiredArg().defaultsTo("\\n").describedAs("PAYLOAD-DELIMITER");
        final OptionSpec<Double> throughput = parser.accepts("throughput", "Throttle to about THROUGHPUT records/s; "
                + "-1 for no limit.").withRequiredArg().ofType(Double.class).describedAs("THROUGHPUT");
        final OptionSpec<String> producerProps = parser.accepts("producer-props", "Producer configs such as "
                + "bootstrap.servers=host:9092 client.id=x; they win over --producer.config.")
                .withRequiredArg().describedAs("PROP-NAME=PROP-VALUE");
        final OptionSpec<String> producerConfig = parser.accepts("producer.config", "Producer config properties file.")
                .withRequiredArg().describedAs("CONFIG-FILE");
        final OptionSpec<Void> printMetrics = parser.accepts("print-metrics", "Print the producer's metrics at the end.");
        final OptionSpec<String> transactionalId = parser.accepts("transactional-id", "Accepted for Kafka's command "
                + "lines; Samsa's producer has no transactions.").withRequiredArg()
                .defaultsTo("performance-producer-default-transactional-id");
        final OptionSpec<Long> transactionDurationMs = parser.accepts("transaction-duration-ms", "Transactions are "
                + "enabled when positive; Samsa's producer has none, so only 0 is accepted.").withRequiredArg()
                .ofType(Long.class).defaultsTo(0L);
    }

    /**
     * @return the options, or null when {@code --help} was asked for
     * @throws UsageException for unknown options, missing or conflicting ones, or bad values
     */
    public static ProducerPerformanceOptions parse(String... args) throws UsageException {
        return CommandLine.parseKeepingArguments(Parser::new, ProducerPerformanceOptions::read, args);
    }

    private static ProducerPerformanceOptions read(Parser p, OptionSet set) throws UsageException {
        for (OptionSpec<?> required : List.of(p.topic, p.numRecords, p.throughput)) {
            if (!set.has(required)) {
                throw new UsageException("Missing required option --" + required.options().get(0));
            }
        }
        int payloadSources = (set.has(p.recordSize) ? 1 : 0) + (set.has(p.payloadFile) ? 1 : 0)
                + (set.has(p.payloadMonotonic) ? 1 : 0);
        if (payloadSources != 1) {
            throw new UsageException("Give exactly one of --record-size, --payload-file and --payload-monotonic");
        }
        List<String> props = producerProps(set, p);
        if (props.isEmpty() && !set.has(p.producerConfig)) {
            throw new UsageException("Either --producer-props or --producer.config must be specified.");
        }
        long numRecords = set.valueOf(p.numRecords);
        if (numRecords <= 0) {
            throw new UsageException("--num-records must be positive");
        }
        Integer recordSize = set.valueOf(p.recordSize);
        if (recordSize != null && recordSize < 0) {
            throw new UsageException("--record-size must not be negative");
        }
        double throughput = set.valueOf(p.throughput);
        if (throughput == 0 || Double.isNaN(throughput)) {
            throw new UsageException("--throughput " + throughput + " would never send; use -1 for no limit");
        }
        long transactionDurationMs = set.valueOf(p.transactionDurationMs);
        if (transactionDurationMs > 0) {
            throw new UsageException("--transaction-duration-ms: Samsa's producer does not support transactions");
        }
        String delimiter = set.valueOf(p.payloadDelimiter);
        return new ProducerPerformanceOptions(set.valueOf(p.topic), numRecords, recordSize,
                set.has(p.payloadFile) ? Path.of(set.valueOf(p.payloadFile)) : null,
                delimiter.equals("\\n") ? "\n" : delimiter, set.has(p.payloadMonotonic), throughput, props,
                set.has(p.producerConfig) ? Path.of(set.valueOf(p.producerConfig)) : null, set.has(p.printMetrics),
                set.valueOf(p.transactionalId), transactionDurationMs);
    }

    /**
     * The {@code --producer-props} values: the option's own arguments and, as Kafka's tool takes
     * several values after the option, the arguments that are no option's (this tool has no
     * positional arguments, so those can only be further properties).
     */
    private static List<String> producerProps(OptionSet set, Parser p) throws UsageException {
        List<String> props = new ArrayList<>(set.valuesOf(p.producerProps));
        List<String> loose = new ArrayList<>();
        for (Object o : set.nonOptionArguments()) {
            loose.add(String.valueOf(o));
        }
        if (!loose.isEmpty() && props.isEmpty()) {
            throw new UsageException("Unexpected argument(s): " + loose);
        }
        props.addAll(loose);
        for (String prop : props) {
            int eq = prop.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("Invalid property: " + prop + " (expected PROP-NAME=PROP-VALUE)");
            }
        }
        return List.copyOf(props);
    }

    public static void printHelp(OutputStream out) throws IOException {
        new Parser().printHelpOn(out);
    }
}
