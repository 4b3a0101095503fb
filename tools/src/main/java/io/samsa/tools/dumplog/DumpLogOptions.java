package io.samsa.tools.dumplog;

import io.samsa.tools.cli.CommandLine;
import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.UsageException;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code samsa-dump-log}'s command line: Kafka 3.9's {@code kafka-dump-log} flags for what a
 * ZooKeeper-mode broker without transactions keeps on disk ({@code --files}, {@code --print-data-log},
 * {@code --deep-iteration}, {@code --max-bytes}, {@code --max-message-size},
 * {@code --verify-index-only}, {@code --index-sanity-check}, {@code --offsets-decoder},
 * {@code --transaction-log-decoder} (for a Kafka broker's files), {@code --key-decoder-class},
 * {@code --value-decoder-class}, {@code --skip-record-metadata}), and {@code --output json}; Kafka's
 * {@code --cluster-metadata-decoder} and {@code --remote-log-metadata-decoder} are refused with the
 * reason (no KRaft, no tiered storage). As in Kafka, a decoder option implies {@code --print-data-log}, which
 * implies {@code --deep-iteration}. Immutable.
 */
record DumpLogOptions(List<Path> files, boolean printDataLog, boolean deepIteration, int maxBytes, int maxMessageSize,
                      boolean verifyIndexOnly, boolean indexSanityCheck, RecordDecoder decoder,
                      boolean skipRecordMetadata, OutputFormat output, boolean verbose) {

    static final String DESCRIPTION = "samsa-dump-log: prints the contents of a broker's log files (.log segments, "
            + ".index, .timeindex, producer .snapshot), as Kafka's kafka-dump-log does; it reads the files only, "
            + "so it needs no running broker.\n"
            + "Usage: samsa-dump-log.sh --files DIR/00000000000000000000.log[,...] [--print-data-log] [options]\n"
            + "Exit status: 0 done, 1 failed or, with --verify-index-only or --index-sanity-check, a problem found "
            + "(one line on stderr each), 2 bad command line.";

    private static final class Parser extends CommandLine.Declarations {
        final OptionSpec<String> files = parser.accepts("files", "REQUIRED: the files to dump, comma-separated: "
                + "segments (.log), offset and time indexes (.index, .timeindex), producer snapshots (.snapshot).")
                .withRequiredArg().describedAs("file1,file2,...");
        final OptionSpec<Void> printDataLog = parser.accepts("print-data-log", "Print each record's key and value "
                + "(implies --deep-iteration).");
        final OptionSpec<Void> deepIteration = parser.accepts("deep-iteration", "Print every record, not only each "
                + "batch.");
        final OptionSpec<Integer> maxBytes = parser.accepts("max-bytes", "Read no more than this many bytes of each "
                + "segment.").withRequiredArg().ofType(Integer.class).defaultsTo(Integer.MAX_VALUE).describedAs("bytes");
        final OptionSpec<Integer> maxMessageSize = parser.accepts("max-message-size", "The largest batch an index "
                + "entry may point at.").withRequiredArg().ofType(Integer.class).defaultsTo(5 * 1024 * 1024)
                .describedAs("bytes");
        final OptionSpec<Void> verifyIndexOnly = parser.accepts("verify-index-only", "Check each index entry "
                + "against its segment and print only the entries that do not match.");
        final OptionSpec<Void> indexSanityCheck = parser.accepts("index-sanity-check", "Only check the indexes as a "
                + "broker does when it starts (whole entries, increasing, not below the base offset).");
        final OptionSpec<Void> offsetsDecoder = parser.accepts("offsets-decoder", "Decode records as "
                + "__consumer_offsets records (offset commits and group metadata), as JSON.");
        final OptionSpec<Void> transactionLogDecoder = parser.accepts("transaction-log-decoder", "Decode records as "
                + "__transaction_state records (a Kafka broker's transaction metadata), as Kafka's tool prints them.");
        final OptionSpec<Void> clusterMetadataDecoder = parser.accepts("cluster-metadata-decoder", "Kafka's decoder of "
                + "KRaft metadata records; not available (Samsa keeps its metadata in ZooKeeper).");
        final OptionSpec<Void> remoteLogMetadataDecoder = parser.accepts("remote-log-metadata-decoder", "Kafka's "
                + "decoder of tiered storage metadata records; not available (Samsa has no tiered storage).");
        final OptionSpec<String> keyDecoder = parser.accepts("key-decoder-class", "How to print keys: "
                + "StringDecoder (the default), IntegerDecoder, LongDecoder or DefaultDecoder (hex), by Kafka's class "
                + "names.").withOptionalArg().describedAs("class");
        final OptionSpec<String> valueDecoder = parser.accepts("value-decoder-class", "How to print values; as "
                + "--key-decoder-class.").withOptionalArg().describedAs("class");
        final OptionSpec<Void> skipRecordMetadata = parser.accepts("skip-record-metadata", "Print no metadata "
                + "(offset, timestamp, sizes) for each record.");
        final OptionSpec<String> output = parser.accepts("output", "Print as text (Kafka's lines) or as one JSON "
                + "document.").withRequiredArg().defaultsTo(OutputFormat.TABLE.label()).describedAs("table|json");
        final OptionSpec<Void> verbose = parser.accepts("verbose", "On failure, print the stack trace.");
        final OptionSpec<Void> help = parser.accepts("help", "Print this usage.").forHelp();
    }

    /**
     * @return the options, or null for {@code --help}
     * @throws UsageException for a command line that cannot run, with the reason in one line
     */
    static DumpLogOptions parse(String... args) throws UsageException {
        return CommandLine.parse(Parser::new, DumpLogOptions::read, args);
    }

    static void printUsage(PrintStream out) {
        CommandLine.printUsage(Parser::new, DESCRIPTION, out);
    }

    private static DumpLogOptions read(Parser p, OptionSet set) throws UsageException {
        CommandLine.require(set, p.files);
        List<Path> files = new ArrayList<>();
        for (String f : set.valueOf(p.files).split(",")) {
            if (!f.isBlank()) {
                files.add(Path.of(f.trim()));
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("--files needs at least one file");
        }
        if (set.has(p.clusterMetadataDecoder)) {
            throw new UsageException("--cluster-metadata-decoder: this tool does not decode KRaft metadata records "
                    + "(Samsa keeps its metadata in ZooKeeper); --print-data-log --value-decoder-class DefaultDecoder "
                    + "prints their bytes");
        }
        if (set.has(p.remoteLogMetadataDecoder)) {
            throw new UsageException("--remote-log-metadata-decoder: this tool does not decode tiered storage metadata "
                    + "records (Samsa has no tiered storage); --print-data-log --value-decoder-class DefaultDecoder "
                    + "prints their bytes");
        }
        if (set.has(p.offsetsDecoder) && set.has(p.transactionLogDecoder)) {
            throw new UsageException("--offsets-decoder and --transaction-log-decoder cannot go together");
        }
        for (OptionSpec<Void> own : List.of(p.offsetsDecoder, p.transactionLogDecoder)) {
            if (set.has(own) && (set.has(p.keyDecoder) || set.has(p.valueDecoder))) {
                throw new UsageException(CommandLine.flag(own) + " decodes keys and values itself, so it cannot go with "
                        + (set.has(p.keyDecoder) ? "--key-decoder-class" : "--value-decoder-class"));
            }
        }
        if (set.has(p.verifyIndexOnly) && set.has(p.indexSanityCheck)) {
            throw new UsageException("--verify-index-only and --index-sanity-check cannot go together");
        }
        int maxBytes = set.valueOf(p.maxBytes);
        if (maxBytes <= 0) {
            throw new UsageException("--max-bytes must be positive, not " + maxBytes);
        }
        int maxMessageSize = set.valueOf(p.maxMessageSize);
        if (maxMessageSize <= 0) {
            throw new UsageException("--max-message-size must be positive, not " + maxMessageSize);
        }
        RecordDecoder decoder = set.has(p.offsetsDecoder) ? RecordDecoder.offsets()
                : set.has(p.transactionLogDecoder) ? RecordDecoder.transactionLog()
                : RecordDecoder.of(set.valueOf(p.keyDecoder), set.valueOf(p.valueDecoder));
        boolean print = set.has(p.printDataLog) || set.has(p.offsetsDecoder) || set.has(p.transactionLogDecoder)
                || set.has(p.keyDecoder) || set.has(p.valueDecoder);
        return new DumpLogOptions(List.copyOf(files), print, print || set.has(p.deepIteration), maxBytes, maxMessageSize,
                set.has(p.verifyIndexOnly), set.has(p.indexSanityCheck), decoder, set.has(p.skipRecordMetadata),
                OutputFormat.parse(set.valueOf(p.output)), set.has(p.verbose));
    }
}
