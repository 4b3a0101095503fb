package io.samsa.tools.consoleconsumer;

import io.samsa.clients.consumer.ConsumerConfig;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code samsa-console-consumer}'s command line: Kafka 3.9's {@code kafka-console-consumer} flags
 * and rules (exactly one of {@code --topic} and {@code --include}; {@code --partition} needs
 * {@code --topic} and excludes a group; {@code --from-beginning} and {@code --offset} exclude each
 * other; one group id wherever it is given), plus {@code --offset -N} and {@code @MS}
 * ({@link StartOffset}), {@code --offset} without {@code --partition} (every partition starts
 * there), the print flags {@code --print-key} ... as shortcuts of Kafka's {@code --property
 * print.key=true} ..., and a kcat-style {@code --format} ({@link FormatString}). In separators and
 * the null literal, {@code \t}, {@code \n} and {@code \\} stand for a tab, a newline and a
 * backslash. Immutable.
 *
 * @param topic          {@code --topic}, or null with {@code --include}
 * @param include        {@code --include} (or Kafka's deprecated {@code --whitelist}), or null
 * @param partition      {@code --partition}, or null for every partition
 * @param startOffset    {@code --offset}, or null: a group's committed offsets, else
 *                       {@code --from-beginning} or the end
 * @param maxMessages    {@code --max-messages}, or -1 for no limit
 * @param timeoutMs      {@code --timeout-ms}: stop after this long without a record; -1 for never
 * @param group          the group id, or null to read without a group (assigned partitions)
 * @param systestEvents  {@code --enable-systest-events}: print {@code shutdown_complete} on standard
 *                       output once the consumer is closed, as Kafka's does for its system tests
 * @param consumerProps  the consumer's configuration, complete
 * @param warnings       unknown consumer or formatter keys, each with a "did you mean"
 */
record ConsoleConsumerOptions(String bootstrapServer, String topic, Pattern include, Integer partition,
                              StartOffset startOffset, boolean fromBeginning, int maxMessages, long timeoutMs,
                              String group, Properties consumerProps, RecordFormatter formatter,
                              boolean skipMessageOnError, boolean systestEvents, boolean verbose,
                              List<String> warnings) {

    static final String DESCRIPTION = "samsa-console-consumer: prints the records of topics on standard output, with "
            + "Kafka's kafka-console-consumer flags.\n"
            + "Usage: samsa-console-consumer.sh --bootstrap-server HOST:PORT --topic TOPIC | --include REGEX "
            + "[--from-beginning | --offset earliest|latest|N|-N|@MS] [--print-key ...] [--format FORMAT] [options]\n"
            + "It stops after --max-messages, after --timeout-ms without a record, or on Ctrl-C, and then prints "
            + "\"Processed a total of N messages\" on stderr.\n"
            + "Exit status: 0 done, 1 failed (one line on stderr), 2 bad command line.";

    /**
     * Kafka's formatters that Samsa's tool has, by Kafka 3.9's class names and the deprecated
     * {@code kafka.tools} ones it still takes.
     */
    static final Map<String, String> FORMATTERS = Map.of(
            "org.apache.kafka.tools.consumer.DefaultMessageFormatter", "default",
            "kafka.tools.DefaultMessageFormatter", "default",
            "org.apache.kafka.tools.consumer.LoggingMessageFormatter", "logging",
            "kafka.tools.LoggingMessageFormatter", "logging",
            "org.apache.kafka.tools.consumer.NoOpMessageFormatter", "noop",
            "kafka.tools.NoOpMessageFormatter", "noop");

    private static final List<String> PREFIXES = List.of("key.deserializer.", "value.deserializer.",
            "headers.deserializer.");

    private static final class Parser extends CommandLine.Declarations {
        final OptionSpec<String> bootstrapServer = parser.accepts("bootstrap-server", "REQUIRED: the brokers to "
                + "connect to.").withRequiredArg().describedAs("host:port[,host:port...]");
        final OptionSpec<String> topic = parser.accepts("topic", "The topic to read.").withRequiredArg()
                .describedAs("topic");
        final OptionSpec<String> include = parser.accepts("include", "A regular expression: read every topic whose "
                + "whole name it matches.").withRequiredArg().describedAs("regex");
        final OptionSpec<String> whitelist = parser.accepts("whitelist", "Deprecated spelling of --include.")
                .withRequiredArg().describedAs("regex");
        final OptionSpec<Integer> partition = parser.accepts("partition", "Read only this partition of --topic "
                + "(from its end unless --offset or --from-beginning says otherwise).").withRequiredArg()
                .ofType(Integer.class).describedAs("partition");
        final OptionSpec<String> offset = parser.accepts("offset", "Where to start in each partition read: earliest, "
                + "latest, N (an offset), -N (N records before the end) or @MS (the first record at or after a "
                + "timestamp, ms since the epoch). Not with --group.").withRequiredArg().describedAs("offset");
        final OptionSpec<Void> fromBeginning = parser.accepts("from-beginning", "Start at the earliest record where "
                + "there is no committed offset (auto.offset.reset=earliest).");
        final OptionSpec<Integer> maxMessages = parser.accepts("max-messages", "Stop after this many records.")
                .withRequiredArg().ofType(Integer.class).describedAs("count");
        final OptionSpec<Long> timeoutMs = parser.accepts("timeout-ms", "Stop when no record arrives for this long.")
                .withRequiredArg().ofType(Long.class).describedAs("ms");
        final OptionSpec<String> group = parser.accepts("group", "Read as a member of this consumer group, which "
                + "commits its offsets; without it, partitions are read without a group and nothing is committed.")
                .withRequiredArg().describedAs("group");
        final OptionSpec<String> consumerProperty = parser.accepts("consumer-property", "A consumer setting; repeat "
                + "for several (wins over --consumer.config).").withRequiredArg().describedAs("key=value");
        final OptionSpec<String> consumerConfig = parser.accepts("consumer.config", "Consumer settings file.")
                .withRequiredArg().describedAs("file");
        final OptionSpec<String> formatter = parser.accepts("formatter", "Kafka's formatter class: "
                + "DefaultMessageFormatter (the default), LoggingMessageFormatter (also logs each record at INFO) or "
                + "NoOpMessageFormatter (prints nothing), by Kafka's class names (see also --format).")
                .withRequiredArg().describedAs("class");
        final OptionSpec<String> property = parser.accepts("property", "A formatter setting: print.timestamp, "
                + "print.key, print.offset, print.partition, print.headers, print.value (true|false), key.separator, "
                + "line.separator, headers.separator, null.literal, key.deserializer, value.deserializer, "
                + "headers.deserializer; repeat for several.").withRequiredArg().describedAs("key=value");
        final OptionSpec<String> formatterConfig = parser.accepts("formatter-config", "Formatter settings file "
                + "(--property wins).").withRequiredArg().describedAs("file");
        final OptionSpec<Void> skipMessageOnError = parser.accepts("skip-message-on-error", "Skip a record that "
                + "cannot be printed instead of stopping.");
        final OptionSpec<String> keyDeserializer = parser.accepts("key-deserializer", "Show keys as this "
                + "deserializer reads them (a class name such as LongDeserializer).").withRequiredArg()
                .describedAs("class");
        final OptionSpec<String> valueDeserializer = parser.accepts("value-deserializer", "Show values as this "
                + "deserializer reads them.").withRequiredArg().describedAs("class");
        final OptionSpec<String> isolationLevel = parser.accepts("isolation-level", "read_uncommitted or "
                + "read_committed (isolation.level).").withRequiredArg().defaultsTo("read_uncommitted")
                .describedAs("level");
        final OptionSpec<Void> systestEvents = parser.accepts("enable-systest-events", "Print shutdown_complete on "
                + "standard output when the consumer has stopped (for Kafka's system tests).");
        final OptionSpec<Void> printKey = parser.accepts("print-key", "Print each record's key (print.key=true).");
        final OptionSpec<Void> printHeaders = parser.accepts("print-headers", "Print each record's headers "
                + "(print.headers=true).");
        final OptionSpec<Void> printOffset = parser.accepts("print-offset", "Print each record's offset "
                + "(print.offset=true).");
        final OptionSpec<Void> printPartition = parser.accepts("print-partition", "Print each record's partition "
                + "(print.partition=true).");
        final OptionSpec<Void> printTimestamp = parser.accepts("print-timestamp", "Print each record's timestamp "
                + "(print.timestamp=true).");
        final OptionSpec<String> format = parser.accepts("format", "Print each record as this kcat-style format: "
                + "%t topic, %k key, %v value, %p partition, %o offset, %T timestamp (ms), %h headers (k=v,k2=v2), "
                + "%% a percent sign; \\n and \\t escapes; a newline is added unless the format has one.")
                .withRequiredArg().describedAs("format");
        final OptionSpec<Void> verbose = parser.accepts("verbose", "On failure, print the stack trace; log the "
                + "client's INFO messages.");
        final OptionSpec<Void> help = parser.accepts("help", "Print this usage.").forHelp();

        Map<OptionSpec<Void>, String> printFlags() {
            Map<OptionSpec<Void>, String> m = new LinkedHashMap<>();
            m.put(printKey, "print.key");
            m.put(printHeaders, "print.headers");
            m.put(printOffset, "print.offset");
            m.put(printPartition, "print.partition");
            m.put(printTimestamp, "print.timestamp");
            return m;
        }
    }

    /**
     * @return the options, or null for {@code --help}
     * @throws UsageException for a command line that cannot run, with the reason in one line
     */
    static ConsoleConsumerOptions parse(String... args) throws UsageException {
        return CommandLine.parse(Parser::new, ConsoleConsumerOptions::read, args);
    }

    static void printUsage(PrintStream out) {
        CommandLine.printUsage(Parser::new, DESCRIPTION, out);
    }

    private static ConsoleConsumerOptions read(Parser p, OptionSet set) throws UsageException {
        CommandLine.require(set, p.bootstrapServer);
        String servers = set.valueOf(p.bootstrapServer).trim();
        if (servers.isEmpty()) {
            throw new UsageException("--bootstrap-server needs at least one host:port");
        }
        String includeArg = set.has(p.include) ? set.valueOf(p.include) : set.valueOf(p.whitelist);
        if (set.has(p.topic) == (includeArg != null)) {
            throw new UsageException("give exactly one of --topic and --include");
        }
        String topic = set.has(p.topic) ? set.valueOf(p.topic).trim() : null;
        if (topic != null && topic.isEmpty()) {
            throw new UsageException("--topic needs a topic name");
        }
        Pattern include = null;
        if (includeArg != null) {
            try {
                include = Pattern.compile(includeArg.trim());
            } catch (PatternSyntaxException e) {
                throw new UsageException("--include '" + includeArg + "' is not a regular expression: " + e.getDescription());
            }
        }
        Integer partition = set.valueOf(p.partition);
        if (partition != null && topic == null) {
            throw new UsageException("--partition goes with --topic only");
        }
        if (partition != null && partition < 0) {
            throw new UsageException("--partition must not be negative, not " + partition);
        }
        StartOffset start = set.has(p.offset) ? StartOffset.parse(set.valueOf(p.offset)) : null;
        if (start != null && set.has(p.fromBeginning)) {
            throw new UsageException("--from-beginning and --offset cannot go together");
        }
        int maxMessages = set.has(p.maxMessages) ? set.valueOf(p.maxMessages) : -1;
        if (set.has(p.maxMessages) && maxMessages <= 0) {
            throw new UsageException("--max-messages must be positive, not " + maxMessages);
        }
        long timeoutMs = set.has(p.timeoutMs) ? Math.max(-1, set.valueOf(p.timeoutMs)) : -1;
        String formatterKind = set.has(p.formatter) ? FORMATTERS.get(set.valueOf(p.formatter).trim()) : "default";
        if (formatterKind == null) {
            throw new UsageException("--formatter " + set.valueOf(p.formatter) + ": the formatters are Kafka's "
                    + "DefaultMessageFormatter, LoggingMessageFormatter and NoOpMessageFormatter; --format prints "
                    + "records in another layout");
        }
        if (!formatterKind.equals("default") && set.has(p.format)) {
            throw new UsageException("--format gives the whole line, so it cannot go with --formatter "
                    + set.valueOf(p.formatter));
        }

        List<String> warnings = new ArrayList<>();
        Properties consumer = consumerProperties(p, set, warnings);
        String group = group(p, set, consumer);
        if (group != null && partition != null) {
            throw new UsageException("--group and --partition cannot go together (a group assigns the partitions)");
        }
        if (group != null && start != null) {
            throw new UsageException("--group and --offset cannot go together (a group starts from its committed "
                    + "offsets; samsa-consumer-groups.sh --reset-offsets moves them)");
        }
        String reset = consumer.getProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
        if (reset != null && set.has(p.fromBeginning) && !reset.trim().equals("earliest")) {
            throw new UsageException("--from-beginning and auto.offset.reset=" + reset + " cannot go together");
        }
        if (reset == null) {
            consumer.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, set.has(p.fromBeginning) ? "earliest" : "latest");
        }
        consumer.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        consumer.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "console-consumer");
        if (set.has(p.isolationLevel) || !consumer.containsKey(ConsumerConfig.ISOLATION_LEVEL_CONFIG)) {
            consumer.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, set.valueOf(p.isolationLevel));
        }
        if (group != null) {
            consumer.setProperty(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        RecordFormatter formatter = formatter(p, set, warnings);
        if (formatterKind.equals("logging")) {
            formatter = new LoggingFormatter(formatter);
        } else if (formatterKind.equals("noop")) {
            formatter = (record, out) -> { };
        }
        return new ConsoleConsumerOptions(servers, topic, include, partition, start, set.has(p.fromBeginning),
                maxMessages, timeoutMs, group, consumer, formatter, set.has(p.skipMessageOnError),
                set.has(p.systestEvents), set.has(p.verbose), warnings);
    }

    private static Properties consumerProperties(Parser p, OptionSet set, List<String> warnings) throws UsageException {
        List<String> known = new ArrayList<>(ConsumerConfig.configDef().keys().stream().map(ConfigDef.Key::name).toList());
        known.addAll(List.of("deserializer.encoding", "key.deserializer.encoding", "value.deserializer.encoding"));
        Properties consumer = new Properties();
        if (set.has(p.consumerConfig)) {
            Path file = Path.of(set.valueOf(p.consumerConfig));
            Properties fromFile = ClientProperties.load(file, "--consumer.config");
            warnings.addAll(ClientProperties.unknownKeyWarnings(fromFile, known, "consumer config in --consumer.config " + file));
            consumer.putAll(fromFile);
        }
        Properties overrides = new Properties();
        ClientProperties.override(overrides, set.valuesOf(p.consumerProperty), "--consumer-property");
        warnings.addAll(ClientProperties.unknownKeyWarnings(overrides, known, "consumer config in --consumer-property"));
        consumer.putAll(overrides);
        return consumer;
    }

    /** The one group id given by --group, --consumer-property or --consumer.config, or null. */
    private static String group(Parser p, OptionSet set, Properties consumer) throws UsageException {
        Set<String> ids = new LinkedHashSet<>();
        if (set.has(p.group)) {
            ids.add(set.valueOf(p.group).trim());
        }
        String configured = consumer.getProperty(ConsumerConfig.GROUP_ID_CONFIG);
        if (configured != null) {
            ids.add(configured.trim());
        }
        if (ids.size() > 1) {
            throw new UsageException("the group ids given by --group and the consumer config differ: '"
                    + String.join("', '", ids) + "'");
        }
        String id = ids.isEmpty() ? null : ids.iterator().next();
        if (id != null && id.isEmpty()) {
            throw new UsageException("--group needs a group id");
        }
        return id;
    }

    private static RecordFormatter formatter(Parser p, OptionSet set, List<String> warnings) throws UsageException {
        Properties props = new Properties();
        if (set.has(p.formatterConfig)) {
            props.putAll(ClientProperties.load(Path.of(set.valueOf(p.formatterConfig)), "--formatter-config"));
        }
        ClientProperties.overrideVerbatim(props, set.valuesOf(p.property), "--property");
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            if (!DefaultFormatter.KEYS.contains(key) && PREFIXES.stream().noneMatch(key::startsWith)) {
                warnings.add("unknown --property '" + key + "' is ignored" + DidYouMean.hint(key, DefaultFormatter.KEYS));
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(k -> settings.put(k, Escapes.unescape(props.getProperty(k))));
        if (set.has(p.keyDeserializer)) {
            settings.put("key.deserializer", set.valueOf(p.keyDeserializer));
        }
        if (set.has(p.valueDeserializer)) {
            settings.put("value.deserializer", set.valueOf(p.valueDeserializer));
        }
        String nullLiteral = settings.getOrDefault("null.literal", "null");
        if (set.has(p.format)) {
            for (Map.Entry<OptionSpec<Void>, String> f : p.printFlags().entrySet()) {
                if (set.has(f.getKey())) {
                    throw new UsageException("--format gives the whole line, so it cannot go with "
                            + CommandLine.flag(f.getKey()));
                }
            }
            for (String key : settings.keySet()) {
                if (key.startsWith("print.") || key.endsWith(".separator")) {
                    throw new UsageException("--format gives the whole line, so it cannot go with --property " + key);
                }
            }
            return FormatString.parse(set.valueOf(p.format),
                    FieldDecoder.of("key.deserializer", settings.get("key.deserializer"), settings, true, nullLiteral),
                    FieldDecoder.of("value.deserializer", settings.get("value.deserializer"), settings, false, nullLiteral),
                    FieldDecoder.of("headers.deserializer", settings.get("headers.deserializer"), settings, false,
                            nullLiteral));
        }
        for (Map.Entry<OptionSpec<Void>, String> f : p.printFlags().entrySet()) {
            if (set.has(f.getKey())) {
                settings.put(f.getValue(), "true");
            }
        }
        return new DefaultFormatter(settings);
    }
}
