package io.samsa.tools;

import io.samsa.clients.producer.Callback;
import io.samsa.clients.producer.Producer;
import io.samsa.clients.producer.ProducerConfig;
import io.samsa.clients.producer.ProducerRecord;
import io.samsa.clients.producer.RecordMetadata;
import io.samsa.clients.producer.SamsaProducer;
import io.samsa.common.Time;
import io.samsa.common.errors.SamsaException;
import io.samsa.common.serialization.ByteArraySerializer;
import io.samsa.tools.cli.ClientProperties;
import io.samsa.tools.cli.Progress;
import io.samsa.tools.cli.Tool;
import io.samsa.tools.cli.ToolFailure;
import io.samsa.tools.cli.ToolRunner;
import io.samsa.tools.cli.UsageException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * {@code samsa-producer-perf-test}: Samsa's producer driven the way Apache Kafka's
 * {@code ProducerPerformance} drives {@code KafkaProducer}, with its flags (see
 * {@link ProducerPerformanceOptions}) and its output, so the two clients can be compared record
 * for record. One thread sends {@code --num-records} records as fast as the producer takes them
 * (or throttled to {@code --throughput}), each a fresh {@code ProducerRecord} with a byte-array
 * value, no key, and a callback that times it from the send call to the acknowledgement; with
 * {@code --record-size} one value buffer is refilled with random upper-case letters before each
 * send (a seeded {@link SplittableRandom}, as Kafka's tool). The producer is then closed (which
 * waits for every acknowledgement) and the summary line printed; see {@link ProducerPerfStats}.
 * Kafka's progress lines go to standard output every 5 s, errors to standard error; on a terminal a
 * {@link Progress} line on standard error also counts the records acknowledged.
 *
 * <p>Before the run it checks that the cluster answers ({@link PerfCluster}), so that a dead
 * {@code bootstrap.servers} fails within seconds, naming the address, where Kafka's tool would
 * block {@code max.block.ms} on every record.
 *
 * <p>Exit status ({@link ToolRunner}): 0 after a run (failed sends are printed and left out of the
 * counts) and for {@code --help} or no arguments (which print the usage); 2 for a bad command line
 * (an unknown or missing option, a bad value: one error line and the usage on standard error); 1
 * for a producer that could not be created or a payload file that could not be read.
 *
 * <p>Not thread-safe: an instance does one run at a time, on the calling thread (its statistics
 * are updated from the producer's I/O thread, see {@link ProducerPerfStats}).
 */
public final class ProducerPerformance {

    static final long REPORTING_INTERVAL_MS = 5_000;
    static final String DEFAULT_CLIENT_ID = "perf-producer-client";
    private static final Tool<ProducerPerformanceOptions> TOOL = new Program();

    private final Time time;
    private final PrintStream out;
    private final Progress progress;

    ProducerPerformance(Time time, PrintStream out) {
        this(time, out, Progress.none());
    }

    /** @param progress the progress line (only on a terminal), owned by the producer's I/O thread during a run */
    ProducerPerformance(Time time, PrintStream out, Progress progress) {
        this.time = time;
        this.out = out;
        this.progress = progress;
    }

    public static void main(String[] args) {
        ToolRunner.main(TOOL, args);
    }

    /** The whole program, with its streams given: parses, creates the producer, runs; returns the exit status. */
    static int execute(String[] args, PrintStream out, PrintStream err) {
        return ToolRunner.execute(TOOL, args, out, err);
    }

    /** Sends the records, closes (or with --print-metrics flushes) the producer and prints the summary. */
    void run(ProducerPerformanceOptions options, Producer<byte[], byte[]> producer, List<byte[]> payloads) {
        SplittableRandom random = new SplittableRandom(0);
        byte[] buffer = options.recordSize() != null ? new byte[options.recordSize()] : null;
        long startMs = time.milliseconds();
        ProducerPerfStats stats = new ProducerPerfStats(options.numRecords(), REPORTING_INTERVAL_MS, startMs, out,
                progress);
        ThroughputThrottle throttle = new ThroughputThrottle(options.throughput(), startMs, time);
        for (long i = 0; i < options.numRecords(); i++) {
            byte[] payload = nextPayload(options, payloads, buffer, random, i);
            long sendStartMs = time.milliseconds();
            producer.send(new ProducerRecord<>(options.topic(), payload), new PerfCallback(sendStartMs, payload.length, stats, time));
            if (throttle.shouldThrottle(i, sendStartMs)) {
                throttle.throttle();
            }
        }
        if (!options.printMetrics()) {
            producer.close();
            stats.printTotal(time.milliseconds());
        } else {
            producer.flush();
            stats.printTotal(time.milliseconds());
            MetricsTable.print(out, producer.metrics());
            producer.close();
        }
    }

    /**
     * The next record's value: a random payload from the file, the refilled buffer (random
     * letters A-Z), or the record's number as text.
     */
    static byte[] nextPayload(ProducerPerformanceOptions options, List<byte[]> payloads, byte[] buffer,
                              SplittableRandom random, long recordNumber) {
        if (!payloads.isEmpty()) {
            return payloads.get(random.nextInt(payloads.size()));
        }
        if (buffer != null) {
            for (int j = 0; j < buffer.length; j++) {
                buffer[j] = (byte) (random.nextInt(26) + 'A');
            }
            return buffer;
        }
        return Long.toString(recordNumber).getBytes(StandardCharsets.UTF_8);
    }

    /** The pieces of --payload-file, split at the delimiter (taken literally), or none without the option. */
    static List<byte[]> readPayloads(ProducerPerformanceOptions options, PrintStream out) throws IOException {
        List<byte[]> payloads = new ArrayList<>();
        if (options.payloadFile() == null) {
            return payloads;
        }
        out.println("Reading payloads from: " + options.payloadFile().toAbsolutePath());
        if (Files.notExists(options.payloadFile()) || Files.size(options.payloadFile()) == 0) {
            throw new ToolFailure("File does not exist or empty file provided.");
        }
        String text = Files.readString(options.payloadFile(), StandardCharsets.UTF_8);
        String[] pieces = text.split(Pattern.quote(options.payloadDelimiter()));
        out.println("Number of messages read: " + pieces.length);
        for (String piece : pieces) {
            payloads.add(piece.getBytes(StandardCharsets.UTF_8));
        }
        return payloads;
    }

    /**
     * The producer's configs: the --producer.config file, then --producer-props over it, then
     * {@code client.id} {@value #DEFAULT_CLIENT_ID} unless one was given. Serializers are the tool's
     * (byte arrays), whatever the configs say.
     */
    static Properties producerProps(ProducerPerformanceOptions options) {
        Properties props = new Properties();
        if (options.producerConfigFile() != null) {
            props.putAll(ClientProperties.load(options.producerConfigFile(), "--producer.config"));
        }
        for (String prop : options.producerProps()) {
            int eq = prop.indexOf('=');
            props.put(prop.substring(0, eq), prop.substring(eq + 1));
        }
        props.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        props.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        if (props.getProperty(ProducerConfig.CLIENT_ID_CONFIG) == null) {
            props.put(ProducerConfig.CLIENT_ID_CONFIG, DEFAULT_CLIENT_ID);
        }
        return props;
    }

    /** The command line's side of the tool: what {@link ToolRunner} parses, prints and runs. Stateless. */
    private static final class Program implements Tool<ProducerPerformanceOptions> {

        @Override
        public String name() {
            return "samsa-producer-perf-test";
        }

        /** No arguments at all print the usage, as with Kafka's tool. */
        @Override
        public ProducerPerformanceOptions parse(String[] args) throws UsageException {
            return args.length == 0 ? null : ProducerPerformanceOptions.parse(args);
        }

        @Override
        public void printUsage(PrintStream out) {
            try {
                ProducerPerformanceOptions.printHelp(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void run(ProducerPerformanceOptions options, PrintStream out, PrintStream err) throws IOException {
            List<byte[]> payloads = readPayloads(options, out);
            Properties props = producerProps(options);
            PerfCluster.check(name(), props, ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, err);
            Producer<byte[], byte[]> producer;
            try {
                producer = new SamsaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
            } catch (SamsaException | IllegalArgumentException e) {
                throw new ToolFailure("cannot create the producer: " + e.getMessage(), e);
            }
            new ProducerPerformance(Time.SYSTEM, out, Progress.onTerminal(err)).run(options, producer, payloads);
        }
    }

    /** Times one record from its send call to its acknowledgement; runs on the producer's I/O thread. */
    private static final class PerfCallback implements Callback {
        private final long sendStartMs;
        private final int bytes;
        private final ProducerPerfStats stats;
        private final Time time;

        PerfCallback(long sendStartMs, int bytes, ProducerPerfStats stats, Time time) {
            this.sendStartMs = sendStartMs;
            this.bytes = bytes;
            this.stats = stats;
            this.time = time;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            long now = time.milliseconds();
            // Only acknowledged records count, so a run whose sends fail cannot report them as sent.
            if (exception == null) {
                stats.record((int) (now - sendStartMs), bytes, now);
            } else {
                exception.printStackTrace();
            }
        }
    }
}
