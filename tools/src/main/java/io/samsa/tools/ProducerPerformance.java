package io.samsa.tools;

import io.samsa.clients.producer.Callback;
import io.samsa.clients.producer.Producer;
import io.samsa.clients.producer.ProducerConfig;
import io.samsa.clients.producer.ProducerRecord;
import io.samsa.clients.producer.RecordMetadata;
import io.samsa.clients.producer.SamsaProducer;
import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import io.samsa.common.Time;
import io.samsa.common.errors.SamsaException;
import io.samsa.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
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
 * Progress lines go to standard output every 5 s, errors to standard error.
 *
 * <p>Exit status: 0 after a run (failed sends are printed and left out of the counts), 1 for a
 * bad command line or a producer that could not be created.
 *
 * <p>Not thread-safe: an instance does one run at a time, on the calling thread (its statistics
 * are updated from the producer's I/O thread, see {@link ProducerPerfStats}).
 */
public final class ProducerPerformance {

    static final long REPORTING_INTERVAL_MS = 5_000;
    static final String DEFAULT_CLIENT_ID = "perf-producer-client";

    private final Time time;
    private final PrintStream out;

    ProducerPerformance(Time time, PrintStream out) {
        this.time = time;
        this.out = out;
    }

    public static void main(String[] args) {
        ProducerPerformanceOptions options;
        try {
            options = args.length == 0 ? null : ProducerPerformanceOptions.parse(args);
            if (options == null) {
                ProducerPerformanceOptions.printHelp(System.out);
                return;
            }
        } catch (ProducerPerformanceOptions.UsageException e) {
            System.err.println("producer-performance: error: " + e.getMessage() + " (see --help)");
            System.exit(1);
            return;
        } catch (IOException e) {
            System.err.println("producer-performance: cannot print the help: " + e.getMessage());
            System.exit(1);
            return;
        }
        Producer<byte[], byte[]> producer;
        List<byte[]> payloads;
        try {
            payloads = readPayloads(options);
            producer = new SamsaProducer<>(producerProps(options), new ByteArraySerializer(), new ByteArraySerializer());
        } catch (IOException | SamsaException | IllegalArgumentException e) {
            System.err.println("producer-performance: error: " + e.getMessage());
            System.exit(1);
            return;
        }
        new ProducerPerformance(Time.SYSTEM, System.out).run(options, producer, payloads);
    }

    /** Sends the records, closes (or with --print-metrics flushes) the producer and prints the summary. */
    void run(ProducerPerformanceOptions options, Producer<byte[], byte[]> producer, List<byte[]> payloads) {
        SplittableRandom random = new SplittableRandom(0);
        byte[] buffer = options.recordSize() != null ? new byte[options.recordSize()] : null;
        long startMs = time.milliseconds();
        ProducerPerfStats stats = new ProducerPerfStats(options.numRecords(), REPORTING_INTERVAL_MS, startMs, out);
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
            printMetrics(producer.metrics());
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
    static List<byte[]> readPayloads(ProducerPerformanceOptions options) throws IOException {
        List<byte[]> payloads = new ArrayList<>();
        if (options.payloadFile() == null) {
            return payloads;
        }
        System.out.println("Reading payloads from: " + options.payloadFile().toAbsolutePath());
        if (Files.notExists(options.payloadFile()) || Files.size(options.payloadFile()) == 0) {
            throw new IllegalArgumentException("File does not exist or empty file provided.");
        }
        String text = Files.readString(options.payloadFile(), StandardCharsets.UTF_8);
        String[] pieces = text.split(Pattern.quote(options.payloadDelimiter()));
        System.out.println("Number of messages read: " + pieces.length);
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
    static Properties producerProps(ProducerPerformanceOptions options) throws IOException {
        Properties props = new Properties();
        if (options.producerConfigFile() != null) {
            try (Reader r = Files.newBufferedReader(options.producerConfigFile(), StandardCharsets.UTF_8)) {
                props.load(r);
            }
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

    /** Kafka's metrics table: a header, then one {@code group:name:{tags} : value} line per metric, sorted. */
    private void printMetrics(Map<MetricName, ? extends Metric> metrics) {
        if (metrics.isEmpty()) {
            return;
        }
        TreeMap<String, Object> sorted = new TreeMap<>();
        int width = 0;
        for (Metric m : metrics.values()) {
            MetricName n = m.metricName();
            String name = n.group() + ":" + n.name() + ":" + n.tags();
            width = Math.max(width, name.length());
            sorted.put(name, m.metricValue());
        }
        out.printf(Locale.ROOT, "%n%-" + width + "s   %s%n", "Metric Name", "Value");
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            String format = e.getValue() instanceof Double ? "%-" + width + "s : %.3f%n" : "%-" + width + "s : %s%n";
            out.printf(Locale.ROOT, format, e.getKey(), e.getValue());
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
