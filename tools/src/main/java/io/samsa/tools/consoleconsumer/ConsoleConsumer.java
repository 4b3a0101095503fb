package io.samsa.tools.consoleconsumer;

import io.samsa.clients.admin.TopicDescription;
import io.samsa.clients.consumer.ConsumerConfig;
import io.samsa.clients.consumer.ConsumerRecord;
import io.samsa.clients.consumer.OffsetAndTimestamp;
import io.samsa.clients.consumer.SamsaConsumer;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.common.TopicPartitionInfo;
import io.samsa.common.errors.WakeupException;
import io.samsa.common.serialization.ByteArrayDeserializer;
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

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/samsa-console-consumer.sh}: Kafka's {@code kafka-console-consumer} over
 * {@link SamsaConsumer}, printing each record with Kafka's layout or a {@code --format}. Before
 * consuming it checks that the cluster answers (a dead {@code --bootstrap-server} fails within
 * seconds, naming the address) and that {@code --topic} and {@code --partition} exist
 * ({@code Topic 'x' does not exist; did you mean 'y'?}), where Kafka's tool would wait forever or
 * create the topic. With {@code --group} it subscribes as a member of the group and commits what
 * it printed when it stops; without, it assigns itself the partitions (every partition of the
 * topics named or matched, or the one {@code --partition}) and starts each where {@code --offset}
 * or {@code --from-beginning} says, committing nothing (Kafka's tool joins a throwaway group).
 * It stops after {@code --max-messages}, after {@code --timeout-ms} without a record, on Ctrl-C
 * or SIGTERM (the consumer is woken, commits and closes), or when standard output is closed, and
 * then prints {@code Processed a total of N messages} on standard error, as Kafka's does.
 *
 * <p>The consumer belongs to the thread that runs the tool; a shutdown hook only wakes it up and
 * waits for it to finish.
 */
public final class ConsoleConsumer implements Tool<ConsoleConsumerOptions> {

    static final String NAME = "samsa-console-consumer";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long SHUTDOWN_WAIT_MS = 30_000;

    public static void main(String[] args) {
        ToolRunner.main(new ConsoleConsumer(), args);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConsoleConsumerOptions parse(String[] args) throws UsageException {
        return ConsoleConsumerOptions.parse(args);
    }

    @Override
    public void printUsage(PrintStream out) {
        ConsoleConsumerOptions.printUsage(out);
    }

    @Override
    public boolean verbose(ConsoleConsumerOptions options) {
        return options.verbose();
    }

    @Override
    public void run(ConsoleConsumerOptions options, PrintStream out, PrintStream err) throws Exception {
        options.warnings().forEach(w -> err.println(NAME + ": warning: " + w));
        List<TopicPartition> partitions = checkCluster(options, err);
        SamsaConsumer<byte[], byte[]> consumer = new SamsaConsumer<>(options.consumerProps(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            consumer.wakeup();
            try {
                finished.await(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, NAME + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long[] count = {0};
        try {
            start(consumer, options, partitions);
            consume(consumer, options, out, err, count);
        } catch (WakeupException e) {
            // Ctrl-C or SIGTERM while finding where to start: nothing was printed, nothing to commit.
        } finally {
            try {
                consumer.close();
            } finally {
                out.flush();
                err.println("Processed a total of " + count[0] + " messages");
                err.flush();
                if (options.systestEvents()) {
                    out.println("shutdown_complete");
                    out.flush();
                }
                finished.countDown();
                removeHook(hook);
            }
        }
    }

    /**
     * Fails unless the cluster answers and what is to be read exists.
     *
     * @return the partitions to assign, or null when a group assigns them
     */
    private static List<TopicPartition> checkCluster(ConsoleConsumerOptions options, PrintStream err) throws Exception {
        CommonSettings settings = new CommonSettings(options.bootstrapServer(), null, CommonOptions.DEFAULT_TIMEOUT_MS,
                options.verbose(), OutputFormat.TABLE);
        try (ClusterConnection connection = ClusterConnection.open(settings, options.consumerProps(),
                w -> err.println(NAME + ": warning: " + w))) {
            Set<String> names = TopicLookup.names(connection);
            List<String> topics;
            if (options.topic() != null) {
                if (!names.contains(options.topic())) {
                    throw TopicLookup.notFound(options.topic(), names);
                }
                topics = List.of(options.topic());
            } else {
                topics = names.stream().filter(n -> options.include().matcher(n).matches()).toList();
                if (topics.isEmpty() && options.group() == null) {
                    throw new ToolFailure("No topic matches '" + options.include().pattern() + "'");
                }
            }
            if (options.group() != null) {
                return null;
            }
            Map<String, TopicDescription> described = connection.await(connection.admin().describeTopics(topics).allTopicNames());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String t : topics) {
                List<TopicPartitionInfo> infos = described.get(t).partitions();
                if (options.partition() != null) {
                    if (options.partition() >= infos.size()) {
                        throw new ToolFailure("Partition " + options.partition() + " of topic '" + t + "' does not exist "
                                + "(it has " + infos.size() + (infos.size() == 1 ? " partition)" : " partitions)"));
                    }
                    partitions.add(new TopicPartition(t, options.partition()));
                } else {
                    infos.forEach(i -> partitions.add(new TopicPartition(t, i.partition())));
                }
            }
            return partitions;
        }
    }

    /** Subscribes as the group's member, or assigns the partitions and moves each to its start. */
    private static void start(SamsaConsumer<byte[], byte[]> consumer, ConsoleConsumerOptions options,
                              List<TopicPartition> partitions) {
        if (partitions == null) {
            if (options.topic() != null) {
                consumer.subscribe(List.of(options.topic()));
            } else {
                consumer.subscribe(options.include());
            }
            return;
        }
        consumer.assign(partitions);
        StartOffset start = options.startOffset() != null ? options.startOffset()
                : options.fromBeginning() ? new StartOffset.Earliest() : new StartOffset.Latest();
        if (start instanceof StartOffset.Earliest) {
            consumer.seekToBeginning(partitions);
        } else if (start instanceof StartOffset.Latest) {
            consumer.seekToEnd(partitions);
        } else if (start instanceof StartOffset.Absolute a) {
            partitions.forEach(tp -> consumer.seek(tp, a.offset()));
        } else {
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndTimestamp> found = new HashMap<>();
            if (start instanceof StartOffset.AtTime t) {
                Map<TopicPartition, Long> query = new HashMap<>();
                partitions.forEach(tp -> query.put(tp, t.timestampMs()));
                found.putAll(consumer.offsetsForTimes(query));
            }
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp at = found.get(tp);
                consumer.seek(tp, start.resolve(beginnings.get(tp), ends.get(tp), at == null ? null : at.offset()));
            }
        }
    }

    private static void consume(SamsaConsumer<byte[], byte[]> consumer, ConsoleConsumerOptions options, PrintStream out,
                                PrintStream err, long[] count) {
        long idleSinceMs = Time.SYSTEM.hiResClockMs();
        try {
            while (options.maxMessages() < 0 || count[0] < options.maxMessages()) {
                Iterator<ConsumerRecord<byte[], byte[]>> records = consumer.poll(POLL).iterator();
                if (!records.hasNext()) {
                    if (options.timeoutMs() >= 0 && Time.SYSTEM.hiResClockMs() - idleSinceMs >= options.timeoutMs()) {
                        return;
                    }
                    continue;
                }
                while (records.hasNext()) {
                    if (options.maxMessages() >= 0 && count[0] >= options.maxMessages()) {
                        rewind(consumer, null, records);
                        break;
                    }
                    ConsumerRecord<byte[], byte[]> record = records.next();
                    try {
                        print(record, options, out, err);
                    } catch (ToolFailure e) {
                        rewind(consumer, record, records);
                        throw e;
                    }
                    count[0]++;
                }
                out.flush();
                if (out.checkError()) {
                    err.println(NAME + ": standard output is closed; stopping");
                    return;
                }
                idleSinceMs = Time.SYSTEM.hiResClockMs();
            }
        } catch (WakeupException e) {
            // Ctrl-C or SIGTERM: stop where we are.
            return;
        } finally {
            commit(consumer, options, err);
        }
    }

    private static void print(ConsumerRecord<byte[], byte[]> record, ConsoleConsumerOptions options, PrintStream out,
                              PrintStream err) {
        try {
            options.formatter().write(record, out);
        } catch (Exception | Error e) {
            String where = record.topic() + "-" + record.partition() + " at offset " + record.offset();
            if (!options.skipMessageOnError()) {
                throw new ToolFailure("cannot print the record of " + where + ": "
                        + FailureMessages.describe(e, options.verbose()), e);
            }
            err.println(NAME + ": skipping the record of " + where + ": " + FailureMessages.describe(e, options.verbose()));
        }
    }

    /** Moves each partition back to its first record not printed, so that the group does not commit past it. */
    private static void rewind(SamsaConsumer<byte[], byte[]> consumer, ConsumerRecord<byte[], byte[]> current,
                               Iterator<ConsumerRecord<byte[], byte[]>> rest) {
        Map<TopicPartition, Long> first = new HashMap<>();
        if (current != null) {
            first.put(new TopicPartition(current.topic(), current.partition()), current.offset());
        }
        rest.forEachRemaining(r -> first.putIfAbsent(new TopicPartition(r.topic(), r.partition()), r.offset()));
        first.forEach(consumer::seek);
    }

    /** A group's member commits what it printed (unless the consumer config turned auto-commit off). */
    private static void commit(SamsaConsumer<byte[], byte[]> consumer, ConsoleConsumerOptions options, PrintStream err) {
        if (options.group() == null
                || "false".equalsIgnoreCase(options.consumerProps().getProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true").trim())) {
            return;
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                consumer.commitSync();
                return;
            } catch (WakeupException e) {
                // A wakeup meant for poll arrived during the commit: the commit is still wanted.
            } catch (RuntimeException e) {
                err.println(NAME + ": warning: cannot commit the offsets of group '" + options.group() + "': "
                        + FailureMessages.describe(e, options.verbose()));
                return;
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is running, and waits for us.
        }
    }
}
