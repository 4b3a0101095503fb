package io.samsa.systest.tools;

import io.samsa.systest.harness.CommandResult;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code bin/samsa-dump-log.sh --transaction-log-decoder} on a {@code __transaction_state} segment
 * that a committed transaction left, compared line by line with Apache Kafka's own
 * {@code DumpLogSegments}. Only Kafka's brokers have transactions (Samsa's write no transaction
 * log), so only the Kafka suite implements this instead of the test skipping itself on Samsa.
 */
interface TransactionLogDumpToolTests {

    SamsaTools tools();

    @Test
    default void decodesTheTransactionLogAsKafkasToolDoes() throws Exception {
        tools().onCluster("samsa-topics.sh", "--create", "--topic", "dl-tx", "--partitions", "1").assertSuccess();
        String transactionalId = "dl-tx-id";
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, tools().broker().bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("dl-tx", "v".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
            producer.commitTransaction();
        }
        // Kafka's partition of a transactional id: its hash code, made non-negative, modulo the 50 partitions.
        int partition = (transactionalId.hashCode() & 0x7fffffff) % 50;
        Path segment = tools().broker().brokerDataDir(tools().broker().brokerIds().get(0))
                .resolve("__transaction_state-" + partition).resolve("00000000000000000000.log");
        String committed = "key: transaction_metadata::transactionalId=" + transactionalId + " payload: producerId:";
        Wait.until("the committed transaction in " + segment, Duration.ofSeconds(60), () -> SamsaTools.run(DumpLogToolTests.DUMP,
                "--files", segment.toString(), "--transaction-log-decoder").stdout().lines()
                .anyMatch(l -> l.contains(committed) && l.contains(",state=CompleteCommit,")));

        CommandResult ours = SamsaTools.run(DumpLogToolTests.DUMP, "--files", segment.toString(), "--transaction-log-decoder");
        assertEquals("", ours.stderr(), ours::describe);
        assertEquals(DumpLogToolTests.kafka("--files", segment.toString(), "--transaction-log-decoder"), ours.stdout());
    }
}
