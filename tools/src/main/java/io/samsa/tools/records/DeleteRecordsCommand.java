package io.samsa.tools.records;

import io.samsa.clients.admin.DeletedRecords;
import io.samsa.clients.admin.RecordsToDelete;
import io.samsa.common.TopicPartition;
import io.samsa.tools.cli.ClusterConnection;
import io.samsa.tools.cli.FailureMessages;
import io.samsa.tools.cli.KnownTopics;
import io.samsa.tools.cli.Tool;
import io.samsa.tools.cli.ToolFailure;
import io.samsa.tools.cli.ToolRunner;
import io.samsa.tools.cli.UsageException;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code bin/samsa-delete-records.sh}: Kafka's {@code kafka-delete-records} over Samsa's
 * {@code Admin}, with its flag and file ({@link DeleteRecordsOptions}) and its output:
 * {@code Executing records delete operation}, {@code Records delete operation completed:}, then per
 * partition, in order, {@code partition: t-0\tlow_watermark: n}. The file is read and every topic
 * and partition it names checked (with a "did you mean" for a topic) before anything is deleted;
 * a partition the brokers refused is reported on stderr and the tool exits 1 after printing the
 * others. Exit status: see {@link ToolRunner}.
 *
 * <p>Stateless: each run opens its own connection.
 */
public final class DeleteRecordsCommand implements Tool<DeleteRecordsOptions> {

    static final String NAME = "samsa-delete-records";

    public static void main(String[] args) {
        ToolRunner.main(new DeleteRecordsCommand(), args);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeleteRecordsOptions parse(String[] args) throws UsageException {
        return DeleteRecordsOptions.parse(args);
    }

    @Override
    public void printUsage(PrintStream out) {
        DeleteRecordsOptions.printUsage(out);
    }

    @Override
    public boolean verbose(DeleteRecordsOptions options) {
        return options.common().verbose();
    }

    @Override
    public void run(DeleteRecordsOptions options, PrintStream out, PrintStream err) throws Exception {
        List<RecordsToTrim> trims = RecordsToTrim.read(options.offsetJsonFile());
        if (trims.isEmpty()) {
            throw new ToolFailure("--offset-json-file " + options.offsetJsonFile() + " lists no partitions");
        }
        try (ClusterConnection connection = ClusterConnection.open(options.common(), w -> err.println(NAME + ": warning: " + w))) {
            KnownTopics topics = KnownTopics.describe(connection, trims.stream().map(t -> t.partition().topic()).toList());
            Map<TopicPartition, RecordsToDelete> request = new TreeMap<>();
            for (RecordsToTrim t : trims) {
                topics.requirePartition(t.partition());
                request.put(t.partition(), RecordsToDelete.beforeOffset(t.offset()));
            }
            out.println("Executing records delete operation");
            Map<TopicPartition, CompletableFuture<DeletedRecords>> results =
                    connection.admin().deleteRecords(request).lowWatermarks();
            out.println("Records delete operation completed:");
            int failed = 0;
            for (TopicPartition p : request.keySet()) {
                try {
                    out.println("partition: " + p + "\tlow_watermark: " + connection.await(results.get(p)).lowWatermark());
                } catch (ExecutionException e) {
                    failed++;
                    err.println(NAME + ": partition: " + p + "\terror: " + FailureMessages.describe(e, options.common().verbose()));
                }
            }
            if (failed > 0) {
                throw new ToolFailure("could not delete the records of " + failed + " of " + request.size()
                        + (request.size() == 1 ? " partition" : " partitions"));
            }
        }
    }
}
