package io.samsa.tools.consoleproducer;

import io.samsa.clients.producer.ProducerConfig;
import io.samsa.common.config.ConfigDef;
import io.samsa.tools.cli.ClientProperties;
import io.samsa.tools.cli.CommandLine;
import io.samsa.tools.cli.DidYouMean;
import io.samsa.tools.cli.Escapes;
import io.samsa.tools.cli.UsageException;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * {@code samsa-console-producer}'s command line: Kafka 3.9's {@code kafka-console-producer} flags
 * (the producer settings each stands for, {@code --producer.config}, {@code --producer-property},
 * the line reader's {@code --property} keys and {@code --reader-config}), plus two shortcuts,
 * {@code --key-separator SEP} (each line is {@code key SEP value}) and {@code --header-separator SEP}
 * (each line starts with {@code h1:v1,h2:v2 SEP}). As in Kafka, a flag given on the command line
 * wins over the same setting in {@code --producer.config}, and a flag's default applies only when
 * the file does not set it; one exception: with {@code --sync}, {@code linger.ms} defaults to 0,
 * since a record waited for alone never fills a batch. In separators, {@code \t}, {@code \n} and
 * {@code \\} stand for a tab, a newline and a backslash. Immutable.
 *
 * @param producerProps   the producer's configuration, complete
 * @param readerProps     the line reader's configuration ({@link LineRecordReader#KEYS})
 * @param warnings        unknown producer or reader keys, each with a "did you mean"
 */
record ConsoleProducerOptions(String bootstrapServer, String topic, Properties producerProps, Properties readerProps,
                              boolean sync, boolean verbose, List<String> warnings) {

    static final String DESCRIPTION = "samsa-console-producer: reads lines from standard input and sends each as a "
            + "record, with Kafka's kafka-console-producer flags.\n"
            + "Usage: samsa-console-producer.sh --bootstrap-server HOST:PORT --topic TOPIC [--key-separator SEP] "
            + "[--header-separator SEP] [options] < lines\n"
            + "Exit status: 0 every line sent (at end of input), 1 a send or a line failed (one line on stderr), "
            + "2 bad command line.";

    /** Kafka's line reader; the only one there is. */
    static final Set<String> LINE_READERS = Set.of("kafka.tools.ConsoleProducer$LineMessageReader",
            "org.apache.kafka.tools.LineMessageReader");

    private static final class Parser extends CommandLine.Declarations {
        final OptionSpec<String> bootstrapServer = parser.accepts("bootstrap-server", "REQUIRED: the brokers to "
                + "connect to.").withRequiredArg().describedAs("host:port[,host:port...]");
        final OptionSpec<String> brokerList = parser.accepts("broker-list", "Deprecated spelling of "
                + "--bootstrap-server (ignored when it is given).").withRequiredArg().describedAs("host:port,...");
        final OptionSpec<String> topic = parser.accepts("topic", "REQUIRED: the topic to send to.")
                .withRequiredArg().describedAs("topic");
        final OptionSpec<String> keySeparator = parser.accepts("key-separator", "Each line is KEY SEP VALUE "
                + "(--property parse.key=true key.separator=SEP).").withRequiredArg().describedAs("SEP");
        final OptionSpec<String> headerSeparator = parser.accepts("header-separator", "Each line starts with "
                + "headers, h1:v1,h2:v2, then SEP (--property parse.headers=true headers.delimiter=SEP).")
                .withRequiredArg().describedAs("SEP");
        final OptionSpec<Void> sync = parser.accepts("sync", "Send each record and wait for its acknowledgement "
                + "before reading the next line.");
        final OptionSpec<String> compressionCodec = parser.accepts("compression-codec", "none, gzip, snappy, lz4 or "
                + "zstd; gzip when given without a value (compression.type).").withOptionalArg().describedAs("codec");
        final OptionSpec<Integer> batchSize = parser.accepts("batch-size", "Bytes per partition batch (batch.size).")
                .withRequiredArg().ofType(Integer.class).defaultsTo(16 * 1024).describedAs("size");
        final OptionSpec<Integer> retries = parser.accepts("message-send-max-retries", "Retries of a failed send "
                + "(retries).").withRequiredArg().ofType(Integer.class).defaultsTo(3).describedAs("count");
        final OptionSpec<Long> retryBackoff = parser.accepts("retry-backoff-ms", "Wait before a retry "
                + "(retry.backoff.ms).").withRequiredArg().ofType(Long.class).defaultsTo(100L).describedAs("ms");
        final OptionSpec<Long> linger = parser.accepts("timeout", "How long a record may wait for its batch to fill "
                + "(linger.ms; 0 unless given with --sync).").withRequiredArg().ofType(Long.class).defaultsTo(1000L).describedAs("ms");
        final OptionSpec<String> acks = parser.accepts("request-required-acks", "The acknowledgement to wait for: "
                + "-1 (all), 0 or 1 (acks).").withRequiredArg().defaultsTo("-1").describedAs("acks");
        final OptionSpec<Integer> requestTimeout = parser.accepts("request-timeout-ms", "How long to wait for a "
                + "broker's answer (request.timeout.ms).").withRequiredArg().ofType(Integer.class).defaultsTo(1500)
                .describedAs("ms");
        final OptionSpec<Long> metadataExpiry = parser.accepts("metadata-expiry-ms", "Refresh metadata at least this "
                + "often (metadata.max.age.ms).").withRequiredArg().ofType(Long.class).defaultsTo(300_000L)
                .describedAs("ms");
        final OptionSpec<Long> maxBlock = parser.accepts("max-block-ms", "How long a send may block for metadata or "
                + "buffer space (max.block.ms).").withRequiredArg().ofType(Long.class).defaultsTo(60_000L)
                .describedAs("ms");
        final OptionSpec<Long> maxMemory = parser.accepts("max-memory-bytes", "Memory for records waiting to be sent "
                + "(buffer.memory).").withRequiredArg().ofType(Long.class).defaultsTo(32L * 1024 * 1024)
                .describedAs("bytes");
        final OptionSpec<Integer> maxPartitionMemory = parser.accepts("max-partition-memory-bytes", "Bytes per "
                + "partition batch (batch.size; wins over --batch-size).").withRequiredArg().ofType(Integer.class)
                .defaultsTo(16 * 1024).describedAs("bytes");
        final OptionSpec<Integer> socketBuffer = parser.accepts("socket-buffer-size", "TCP send buffer "
                + "(send.buffer.bytes).").withRequiredArg().ofType(Integer.class).defaultsTo(100 * 1024)
                .describedAs("bytes");
        final OptionSpec<String> lineReader = parser.accepts("line-reader", "Kafka's option to plug in a reader "
                + "class; only its line reader, the default, is available.").withRequiredArg().describedAs("class");
        final OptionSpec<String> property = parser.accepts("property", "A line reader setting: parse.key, "
                + "key.separator (default tab), parse.headers, headers.delimiter (tab), headers.separator (,), "
                + "headers.key.separator (:), ignore.error, null.marker; repeat for several.")
                .withRequiredArg().describedAs("key=value");
        final OptionSpec<String> readerConfig = parser.accepts("reader-config", "Line reader settings file "
                + "(--property wins).").withRequiredArg().describedAs("file");
        final OptionSpec<String> producerProperty = parser.accepts("producer-property", "A producer setting; "
                + "repeat for several (wins over --producer.config).").withRequiredArg().describedAs("key=value");
        final OptionSpec<String> producerConfig = parser.accepts("producer.config", "Producer settings file.")
                .withRequiredArg().describedAs("file");
        final OptionSpec<Void> verbose = parser.accepts("verbose", "On failure, print the stack trace; log the "
                + "client's INFO messages.");
        final OptionSpec<Void> help = parser.accepts("help", "Print this usage.").forHelp();
    }

    /**
     * @return the options, or null for {@code --help}
     * @throws UsageException for a command line that cannot run, with the reason in one line
     */
    static ConsoleProducerOptions parse(String... args) throws UsageException {
        return CommandLine.parse(Parser::new, ConsoleProducerOptions::read, args);
    }

    static void printUsage(PrintStream out) {
        CommandLine.printUsage(Parser::new, DESCRIPTION, out);
    }

    private static ConsoleProducerOptions read(Parser p, OptionSet set) throws UsageException {
        String servers = set.has(p.bootstrapServer) ? set.valueOf(p.bootstrapServer) : set.valueOf(p.brokerList);
        if (servers == null) {
            throw new UsageException("missing required option --bootstrap-server");
        }
        if (servers.isBlank()) {
            throw new UsageException("--bootstrap-server needs at least one host:port");
        }
        CommandLine.require(set, p.topic);
        String topic = set.valueOf(p.topic).trim();
        if (topic.isEmpty()) {
            throw new UsageException("--topic needs a topic name");
        }
        if (set.has(p.lineReader) && !LINE_READERS.contains(set.valueOf(p.lineReader))) {
            throw new UsageException("--line-reader " + set.valueOf(p.lineReader) + ": only Kafka's line reader is "
                    + "available (leave the option out)");
        }
        List<String> warnings = new ArrayList<>();

        Properties reader = new Properties();
        if (set.has(p.readerConfig)) {
            reader.putAll(ClientProperties.load(Path.of(set.valueOf(p.readerConfig)), "--reader-config"));
        }
        ClientProperties.overrideVerbatim(reader, set.valuesOf(p.property), "--property");
        warnings.addAll(LineRecordReader.unknownKeyWarnings(reader));
        if (set.has(p.keySeparator)) {
            reader.setProperty("parse.key", "true");
            reader.setProperty("key.separator", set.valueOf(p.keySeparator));
        }
        if (set.has(p.headerSeparator)) {
            reader.setProperty("parse.headers", "true");
            reader.setProperty("headers.delimiter", set.valueOf(p.headerSeparator));
        }
        for (String key : reader.stringPropertyNames()) {
            reader.setProperty(key, Escapes.unescape(reader.getProperty(key)));
        }
        LineRecordReader.configure(topic, reader); // checks the separators now, as a usage error

        Properties producer = new Properties();
        if (set.has(p.producerConfig)) {
            Path file = Path.of(set.valueOf(p.producerConfig));
            Properties fromFile = ClientProperties.load(file, "--producer.config");
            warnings.addAll(ClientProperties.unknownKeyWarnings(fromFile, knownProducerKeys(),
                    "producer config in --producer.config " + file));
            producer.putAll(fromFile);
        }
        Properties overrides = new Properties();
        ClientProperties.override(overrides, set.valuesOf(p.producerProperty), "--producer-property");
        warnings.addAll(ClientProperties.unknownKeyWarnings(overrides, knownProducerKeys(), "producer config in --producer-property"));
        producer.putAll(overrides);
        producer.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.trim());
        producer.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "console-producer");
        if (set.has(p.compressionCodec) || !producer.containsKey(ProducerConfig.COMPRESSION_TYPE_CONFIG)) {
            producer.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec(set.has(p.compressionCodec)
                    ? set.valueOf(p.compressionCodec) : "none", set.has(p.compressionCodec)));
        }
        if (set.has(p.linger) || !producer.containsKey(ProducerConfig.LINGER_MS_CONFIG)) {
            // A record sent with --sync is waited for before the next line is read, so its batch
            // can never fill: lingering would only delay each line by --timeout (Kafka's tool does).
            producer.setProperty(ProducerConfig.LINGER_MS_CONFIG, !set.has(p.linger) && set.has(p.sync) ? "0"
                    : String.valueOf(set.valueOf(p.linger)));
        }
        merge(producer, ProducerConfig.ACKS_CONFIG, set, p.acks);
        merge(producer, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, set, p.requestTimeout);
        merge(producer, ProducerConfig.RETRIES_CONFIG, set, p.retries);
        merge(producer, ProducerConfig.RETRY_BACKOFF_MS_CONFIG, set, p.retryBackoff);
        merge(producer, ProducerConfig.SEND_BUFFER_CONFIG, set, p.socketBuffer);
        merge(producer, ProducerConfig.BUFFER_MEMORY_CONFIG, set, p.maxMemory);
        merge(producer, ProducerConfig.BATCH_SIZE_CONFIG, set, p.batchSize);
        merge(producer, ProducerConfig.BATCH_SIZE_CONFIG, set, p.maxPartitionMemory);
        merge(producer, ProducerConfig.METADATA_MAX_AGE_CONFIG, set, p.metadataExpiry);
        merge(producer, ProducerConfig.MAX_BLOCK_MS_CONFIG, set, p.maxBlock);
        String acks = producer.getProperty(ProducerConfig.ACKS_CONFIG).trim();
        if (!List.of("all", "-1", "0", "1").contains(acks)) {
            throw new UsageException("--request-required-acks must be -1 (all), 0 or 1, not '" + acks + "'");
        }
        return new ConsoleProducerOptions(servers.trim(), topic, producer, reader, set.has(p.sync), set.has(p.verbose),
                warnings);
    }

    /** Kafka's rule: the flag's value when given, else its default unless the config already sets the key. */
    private static void merge(Properties props, String key, OptionSet set, OptionSpec<?> option) {
        if (set.has(option) || !props.containsKey(key)) {
            props.setProperty(key, String.valueOf(set.valueOf(option)));
        }
    }

    private static String codec(String value, boolean given) throws UsageException {
        if (given && (value == null || value.isBlank())) {
            return "gzip";
        }
        String codec = value.trim().toLowerCase(Locale.ROOT);
        List<String> codecs = List.of("none", "gzip", "snappy", "lz4", "zstd");
        if (!codecs.contains(codec)) {
            throw new UsageException("--compression-codec must be one of " + String.join(", ", codecs) + ", not '"
                    + value + "'" + DidYouMean.hint(codec, codecs));
        }
        return codec;
    }

    private static List<String> knownProducerKeys() {
        List<String> keys = new ArrayList<>(ProducerConfig.configDef().keys().stream().map(ConfigDef.Key::name).toList());
        keys.addAll(List.of("serializer.encoding", "key.serializer.encoding", "value.serializer.encoding"));
        return keys;
    }
}
