package io.samsa.tools.consoleproducer;

import io.samsa.clients.admin.Config;
import io.samsa.clients.admin.ConfigEntry;
import io.samsa.clients.producer.ProducerRecord;
import io.samsa.clients.producer.SamsaProducer;
import io.samsa.common.config.ConfigResource;
import io.samsa.common.serialization.ByteArraySerializer;
import io.samsa.tools.cli.ClusterConnection;
import io.samsa.tools.cli.CommonOptions;
import io.samsa.tools.cli.CommonSettings;
import io.samsa.tools.cli.FailureMessages;
import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.Tool;
import io.samsa.tools.cli.ToolFailure;
import io.samsa.tools.cli.ToolRunner;
import io.samsa.tools.cli.TopicLookup;
import io.samsa.tools.cli.UsageException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code bin/samsa-console-producer.sh}: Kafka's {@code kafka-console-producer} over
 * {@link SamsaProducer}. Each line of standard input becomes one record ({@link LineRecordReader});
 * at the end of the input it flushes and exits 0. Before reading anything it checks that the
 * cluster answers (a dead {@code --bootstrap-server} fails within seconds, naming the address)
 * and that the topic exists, or that the brokers will create it
 * ({@code auto.create.topics.enable}); otherwise {@code Topic 'x' does not exist} with the nearest
 * names. The first send that fails, or a line that cannot be parsed, stops it with one line naming
 * the line number, and exit status 1 (Kafka's tool logs the failure and carries on). On a
 * terminal it prompts with {@code >}, as Kafka's does.
 *
 * <p>Not thread-safe; the producer's I/O thread reports failures through an atomic reference.
 */
public final class ConsoleProducer implements Tool<ConsoleProducerOptions> {

    static final String NAME = "samsa-console-producer";

    private final InputStream in;

    public ConsoleProducer() {
        this(System.in);
    }

    ConsoleProducer(InputStream in) {
        this.in = in;
    }

    public static void main(String[] args) {
        ToolRunner.main(new ConsoleProducer(), args);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConsoleProducerOptions parse(String[] args) throws UsageException {
        return ConsoleProducerOptions.parse(args);
    }

    @Override
    public void printUsage(PrintStream out) {
        ConsoleProducerOptions.printUsage(out);
    }

    @Override
    public boolean verbose(ConsoleProducerOptions options) {
        return options.verbose();
    }

    @Override
    public void run(ConsoleProducerOptions options, PrintStream out, PrintStream err) throws Exception {
        options.warnings().forEach(w -> err.println(NAME + ": warning: " + w));
        LineRecordReader reader = LineRecordReader.configure(options.topic(), options.readerProps());
        checkCluster(options, err);
        SamsaProducer<byte[], byte[]> producer = new SamsaProducer<>(options.producerProps(), new ByteArraySerializer(),
                new ByteArraySerializer());
        boolean clean = false;
        try {
            send(producer, reader, options, out);
            clean = true;
        } finally {
            producer.close(clean ? Duration.ofMillis(Long.MAX_VALUE) : Duration.ZERO);
        }
    }

    private static void checkCluster(ConsoleProducerOptions options, PrintStream err) throws Exception {
        CommonSettings settings = new CommonSettings(options.bootstrapServer(), null, CommonOptions.DEFAULT_TIMEOUT_MS,
                options.verbose(), OutputFormat.TABLE);
        try (ClusterConnection connection = ClusterConnection.open(settings, options.producerProps(),
                w -> err.println(NAME + ": warning: " + w))) {
            Set<String> names = TopicLookup.names(connection);
            if (!names.contains(options.topic()) && !brokersCreateTopics(connection)) {
                throw TopicLookup.notFound(options.topic(), names);
            }
        }
    }

    /** Whether a broker says it creates topics on first use; true when it cannot tell (the send will say). */
    private static boolean brokersCreateTopics(ClusterConnection connection) throws InterruptedException {
        int broker = connection.cluster().controller() != null ? connection.cluster().controller().id()
                : connection.cluster().brokers().get(0).id();
        ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(broker));
        try {
            Map<ConfigResource, Config> configs = connection.await(connection.admin().describeConfigs(List.of(resource)).all());
            ConfigEntry entry = configs.get(resource).get("auto.create.topics.enable");
            return entry == null || entry.value() == null || Boolean.parseBoolean(entry.value().trim());
        } catch (ExecutionException | ToolFailure e) {
            return true;
        }
    }

    private void send(SamsaProducer<byte[], byte[]> producer, LineRecordReader reader, ConsoleProducerOptions options,
                      PrintStream out) throws IOException, InterruptedException {
        AtomicReference<String> failure = new AtomicReference<>();
        boolean prompt = System.console() != null;
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long lineNumber = 0;
        while (true) {
            if (prompt) {
                out.print(">");
                out.flush();
            }
            String line = lines.readLine();
            if (line == null) {
                break;
            }
            lineNumber++;
            ProducerRecord<byte[], byte[]> record;
            try {
                record = reader.read(line, lineNumber);
            } catch (ToolFailure e) {
                // The lines before this one were fine: they are delivered before the tool stops.
                producer.flush();
                throwIfFailed(failure, options.topic());
                throw e;
            }
            long n = lineNumber;
            try {
                if (options.sync()) {
                    producer.send(record).get();
                } else {
                    producer.send(record, (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, "line " + n + ": " + FailureMessages.describe(e, options.verbose()));
                        }
                    });
                }
            } catch (ExecutionException | RuntimeException e) {
                throw new ToolFailure("cannot send to topic '" + options.topic() + "': line " + n + ": "
                        + FailureMessages.describe(e, options.verbose()), FailureMessages.unwrap(e));
            }
            throwIfFailed(failure, options.topic());
        }
        producer.flush();
        throwIfFailed(failure, options.topic());
    }

    private static void throwIfFailed(AtomicReference<String> failure, String topic) {
        String f = failure.get();
        if (f != null) {
            throw new ToolFailure("cannot send to topic '" + topic + "': " + f);
        }
    }
}
