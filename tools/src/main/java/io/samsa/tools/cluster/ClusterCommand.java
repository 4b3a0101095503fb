package io.samsa.tools.cluster;

import io.samsa.tools.cli.ClusterConnection;
import io.samsa.tools.cli.CommandLine;
import io.samsa.tools.cli.CommonOptions;
import io.samsa.tools.cli.CommonSettings;
import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.Tool;
import io.samsa.tools.cli.ToolRunner;
import io.samsa.tools.cli.UsageException;

import java.io.PrintStream;

/**
 * {@code bin/samsa-cluster.sh}: the cluster at a glance ({@link ClusterOverview}): brokers,
 * controller, topic and partition counts, and the under-replicated and offline partitions, as
 * text or {@code --output json}. It only reads, through the Kafka protocol, so it describes a
 * Kafka cluster as well. Kafka has no such tool; its options are the shared ones
 * ({@link CommonOptions}). Exit status: see {@link ToolRunner}; a cluster with troubled
 * partitions is described successfully (0), so scripts read the counts.
 *
 * <p>Stateless: each run opens its own connection.
 */
public final class ClusterCommand implements Tool<CommonSettings> {

    static final String NAME = "samsa-cluster";
    private static final String DESCRIPTION = "samsa-cluster: the cluster at a glance: brokers, controller, topic and "
            + "partition counts, under-replicated and offline partitions.\n"
            + "Usage: samsa-cluster.sh --bootstrap-server HOST:PORT [--output json]\n"
            + "Exit status: 0 described, 1 failed (one line on stderr), 2 bad command line.";

    public static void main(String[] args) {
        ToolRunner.main(new ClusterCommand(), args);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The shared options only. */
    private static final class Parser extends CommandLine.Declarations {
        final CommonOptions common = new CommonOptions(parser, true);
    }

    @Override
    public CommonSettings parse(String[] args) throws UsageException {
        return CommandLine.parse(Parser::new, (p, set) -> p.common.read(set), args);
    }

    @Override
    public void printUsage(PrintStream out) {
        CommandLine.printUsage(Parser::new, DESCRIPTION, out);
    }

    @Override
    public boolean verbose(CommonSettings options) {
        return options.verbose();
    }

    @Override
    public void run(CommonSettings options, PrintStream out, PrintStream err) throws Exception {
        try (ClusterConnection connection = ClusterConnection.open(options, w -> err.println(NAME + ": warning: " + w))) {
            ClusterOverview overview = ClusterOverview.of(connection);
            if (options.output() == OutputFormat.JSON) {
                ClusterOverviewPrinter.printJson(overview, out);
            } else {
                ClusterOverviewPrinter.printText(overview, out);
            }
        }
    }
}
