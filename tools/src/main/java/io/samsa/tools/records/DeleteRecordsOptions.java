package io.samsa.tools.records;

import io.samsa.tools.cli.CommandLine;
import io.samsa.tools.cli.CommonOptions;
import io.samsa.tools.cli.CommonSettings;
import io.samsa.tools.cli.UsageException;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code samsa-delete-records}' command line: Kafka 3.9's {@code kafka-delete-records} flags
 * ({@code --offset-json-file}, required) plus the shared options ({@link CommonOptions}). Immutable.
 */
record DeleteRecordsOptions(CommonSettings common, Path offsetJsonFile) {

    static final String DESCRIPTION = "samsa-delete-records: deletes the records of partitions before the offsets "
            + "given, with Kafka's kafka-delete-records flags, and prints each partition's new low watermark.\n"
            + "Usage: samsa-delete-records.sh --bootstrap-server HOST:PORT --offset-json-file FILE\n"
            + "The file: {\"partitions\": [{\"topic\": \"foo\", \"partition\": 1, \"offset\": 1}], \"version\": 1} "
            + "(offset -1: up to the high watermark).\n"
            + "Exit status: 0 done, 1 failed (one line on stderr), 2 bad command line.";

    private static final class Parser extends CommandLine.Declarations {
        final CommonOptions common = new CommonOptions(parser, false);
        final OptionSpec<String> offsetJsonFile = parser.accepts("offset-json-file", "REQUIRED: the JSON file of the "
                + "partitions and the offset to delete each one's records before.").withRequiredArg().describedAs("file");

        DeleteRecordsOptions read(OptionSet set) throws UsageException {
            CommonSettings settings = common.read(set);
            CommandLine.require(set, offsetJsonFile);
            return new DeleteRecordsOptions(settings, Path.of(set.valueOf(offsetJsonFile)));
        }
    }

    /**
     * @return the options, or null for {@code --help}
     * @throws UsageException for a command line that cannot run, with the reason in one line
     */
    static DeleteRecordsOptions parse(String... args) throws UsageException {
        return CommandLine.parse(Parser::new, Parser::read, args);
    }

    static void printUsage(PrintStream out) {
        CommandLine.printUsage(Parser::new, DESCRIPTION, out);
    }
}
