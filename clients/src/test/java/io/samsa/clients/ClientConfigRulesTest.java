package io.samsa.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.clients.admin.AdminClientConfig;
import io.samsa.clients.consumer.ConsumerConfig;
import io.samsa.clients.producer.ProducerConfig;
import io.samsa.common.config.ConfigException;
import io.samsa.common.serialization.ByteArraySerializer;
import io.samsa.common.serialization.Deserializer;
import io.samsa.common.serialization.LongDeserializer;
import io.samsa.common.serialization.Serializer;
import io.samsa.common.serialization.StringSerializer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad values name their key; Kafka's idempotence rules, checked against Kafka's own ProducerConfig. */
class ClientConfigRulesTest {

    static Map<String, Object> producer(Object... more) {
        Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", "localhost:9092",
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer"));
        for (int i = 0; i < more.length; i += 2) {
            props.put((String) more[i], more[i + 1]);
        }
        return props;
    }

    static Map<String, Object> consumer(Object... more) {
        Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", "localhost:9092",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "io.samsa.common.serialization.LongDeserializer"));
        for (int i = 0; i < more.length; i += 2) {
            props.put((String) more[i], more[i + 1]);
        }
        return props;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "acks|2", "acks|ALL ", "batch.size|-1", "linger.ms|soon", "buffer.memory|-5", "compression.type|brotli",
        "compression.gzip.level|10", "compression.lz4.level|18", "compression.zstd.level|23", "retries|-1",
        "max.in.flight.requests.per.connection|0", "enable.idempotence|maybe", "metadata.max.idle.ms|100",
        "send.buffer.bytes|-2", "client.dns.lookup|default", "security.protocol|SSL", "bootstrap.servers|' '",
        "key.serializer|com.example.NoSuchSerializer", "partitioner.class|org.apache.kafka.clients.producer.RoundRobinPartitioner",
        "transactional.id|tx-1", "delivery.timeout.ms|2147483648", "max.request.size|1.5"})
    void badProducerValuesNameTheirKey(String key, String value) {
        assertNamesKey(key, () -> new ProducerConfig(producer(key, value)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "auto.offset.reset|smallest", "isolation.level|serializable", "group.protocol|consumer",
        "group.remote.assignor|uniform", "max.poll.records|0", "max.poll.interval.ms|0", "fetch.max.wait.ms|-1",
        "group.instance.id|bad id!", "partition.assignment.strategy|'range,not a strategy'",
        "partition.assignment.strategy|''", "value.deserializer|com.example.Missing", "check.crcs|yes",
        "auto.commit.interval.ms|-1", "session.timeout.ms|forever"})
    void badConsumerValuesNameTheirKey(String key, String value) {
        assertNamesKey(key, () -> new ConsumerConfig(consumer("group.id", "g", key, value)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"retries|-1", "default.api.timeout.ms|-1", "request.timeout.ms|x",
        "reconnect.backoff.ms|-1", "security.protocol|SASL_SSL"})
    void badAdminValuesNameTheirKey(String key, String value) {
        assertNamesKey(key, () -> new AdminClientConfig(Map.of("bootstrap.servers", "b:9092", key, value)));
    }

    @Test
    void valuesOfTheWrongJavaTypeNameTheirKey() {
        assertNamesKey("linger.ms", () -> new ProducerConfig(producer("linger.ms", true)));
        assertNamesKey("acks", () -> new ProducerConfig(producer("acks", 1)));
        assertNamesKey("batch.size", () -> new ProducerConfig(producer("batch.size", 1L << 40)));
        assertNamesKey("key.serializer", () -> new ProducerConfig(producer("key.serializer", 42)));
        ProducerConfig typed = new ProducerConfig(producer("linger.ms", 7, "batch.size", 100L, "enable.idempotence", "TRUE"));
        assertEquals(7L, typed.getLong("linger.ms"));
        assertEquals(100, typed.getInt("batch.size"));
        assertTrue(typed.getBoolean("enable.idempotence"));
    }

    @Test
    void missingRequiredKeysAreNamed() {
        Map<String, Object> noBootstrap = producer();
        noBootstrap.remove("bootstrap.servers");
        assertNamesKey("bootstrap.servers", () -> new ProducerConfig(noBootstrap));
        Map<String, Object> noSerializer = producer();
        noSerializer.remove("value.serializer");
        assertNamesKey("value.serializer", () -> new ProducerConfig(noSerializer));
        Map<String, Object> noDeserializer = consumer();
        noDeserializer.remove("key.deserializer");
        assertNamesKey("key.deserializer", () -> new ConsumerConfig(noDeserializer));
        assertNamesKey("bootstrap.servers", () -> new AdminClientConfig(Map.of()));
    }

    /** Each case in both Samsa's and Kafka's ProducerConfig: same outcome, same effective idempotence. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "-|-|-|-", "-|1|-|-", "-|0|-|-", "-|-|0|-", "-|-|-|6", "-|all|-|5",
        "true|-|-|-", "true|1|-|-", "true|-|0|-", "true|-|-|6", "true|-1|3|5",
        "false|0|0|10", "false|-|-|-"})
    void idempotenceRulesMatchKafkas(String idempotence, String acks, String retries, String inFlight) {
        Map<String, Object> props = producer();
        putIfSet(props, "enable.idempotence", idempotence);
        putIfSet(props, "acks", acks);
        putIfSet(props, "retries", retries);
        putIfSet(props, "max.in.flight.requests.per.connection", inFlight);
        Boolean kafka;
        try {
            kafka = new org.apache.kafka.clients.producer.ProducerConfig(props).getBoolean("enable.idempotence");
        } catch (org.apache.kafka.common.config.ConfigException e) {
            kafka = null;
        }
        if (kafka == null) {
            ConfigException e = assertThrows(ConfigException.class, () -> new ProducerConfig(props));
            String conflicting = "1".equals(acks) ? "acks" : "0".equals(retries) ? "retries"
                    : "max.in.flight.requests.per.connection";
            assertTrue(e.getMessage().contains(conflicting), e::getMessage);
        } else {
            assertEquals(kafka, new ProducerConfig(props).getBoolean("enable.idempotence"));
        }
    }

    @Test
    void acksAllReadsAsMinusOne() {
        assertEquals("-1", new ProducerConfig(producer()).getString("acks"));
        assertEquals("-1", new ProducerConfig(producer("acks", "all")).getString("acks"));
        assertEquals("1", new ProducerConfig(producer("acks", "1")).getString("acks"));
    }

    @Test
    void reconnectBackoffStopsGrowingWhenOnlyItsStartIsSet() {
        assertEquals(200L, new ProducerConfig(producer("reconnect.backoff.ms", "200")).getLong("reconnect.backoff.max.ms"));
        assertEquals(5000L, new ProducerConfig(producer("reconnect.backoff.ms", "200", "reconnect.backoff.max.ms", "5000"))
                .getLong("reconnect.backoff.max.ms"));
        assertEquals(1000L, new ProducerConfig(producer()).getLong("reconnect.backoff.max.ms"));
    }

    @Test
    void clientIdsAreGeneratedAsKafkaDoes() {
        assertTrue(new ProducerConfig(producer()).getString("client.id").matches("producer-\\d+"));
        assertEquals("mine", new ProducerConfig(producer("client.id", "mine")).getString("client.id"));
        assertTrue(new ConsumerConfig(consumer("group.id", "g")).getString("client.id").matches("consumer-g-\\d+"));
        assertEquals("consumer-g-static-1", new ConsumerConfig(consumer("group.id", "g", "group.instance.id", "static-1"))
                .getString("client.id"));
    }

    @Test
    void autoCommitNeedsAGroup() {
        assertFalse(new ConsumerConfig(consumer()).getBoolean("enable.auto.commit"));
        assertTrue(new ConsumerConfig(consumer("group.id", "g")).getBoolean("enable.auto.commit"));
        assertFalse(new ConsumerConfig(consumer("enable.auto.commit", "false")).getBoolean("enable.auto.commit"));
        assertNamesKey("enable.auto.commit", () -> new ConsumerConfig(consumer("enable.auto.commit", "true")));
    }

    @Test
    void heartbeatMustBeShorterThanTheSession() {
        assertNamesKey("heartbeat.interval.ms", () -> new ConsumerConfig(consumer("group.id", "g",
                "session.timeout.ms", "3000", "heartbeat.interval.ms", "3000")));
        new ConsumerConfig(consumer("session.timeout.ms", "3000", "heartbeat.interval.ms", "3000"));
    }

    @Test
    void assignmentStrategiesAcceptKafkaNamesSamsaNamesAndProtocolNames() {
        ConsumerConfig config = new ConsumerConfig(consumer("group.id", "g", "partition.assignment.strategy",
                "org.apache.kafka.clients.consumer.RoundRobinAssignor, io.samsa.clients.consumer.StickyAssignor,"
                        + "cooperative-sticky, com.example.MyAssignor"));
        assertEquals(List.of("io.samsa.clients.consumer.RoundRobinAssignor", "io.samsa.clients.consumer.StickyAssignor",
                "cooperative-sticky", "com.example.MyAssignor"), config.getList("partition.assignment.strategy"));
        ConsumerConfig classes = new ConsumerConfig(consumer("partition.assignment.strategy",
                List.of(org.apache.kafka.clients.consumer.RangeAssignor.class, "range")));
        assertEquals(List.of("io.samsa.clients.consumer.RangeAssignor", "range"),
                classes.getList("partition.assignment.strategy"));
        assertEquals(List.of("io.samsa.clients.consumer.RangeAssignor", "io.samsa.clients.consumer.CooperativeStickyAssignor"),
                new ConsumerConfig(consumer()).getList("partition.assignment.strategy"));
    }

    @Test
    void groupProtocolClassicInAnyCase() {
        new ConsumerConfig(consumer("group.protocol", "CLASSIC"));
    }

    @Test
    void serializersFromKafkaNamesSamsaNamesClassesOrInstances() {
        ProducerConfig config = new ProducerConfig(producer("key.serializer.encoding", "UTF-16"));
        Serializer<String> key = config.newKeySerializer();
        assertInstanceOf(StringSerializer.class, key);
        // Configured with the producer's properties, so key.serializer.encoding applies.
        assertEquals(new String("é".getBytes(StandardCharsets.UTF_16), StandardCharsets.ISO_8859_1),
                new String(key.serialize("t", "é"), StandardCharsets.ISO_8859_1));
        assertInstanceOf(ByteArraySerializer.class, config.newValueSerializer());

        Map<String, Object> withInstances = ProducerConfig.appendSerializers(producer("key.serializer", null,
                "value.serializer", null), new ByteArraySerializer(), new StringSerializer());
        ProducerConfig fromInstances = new ProducerConfig(withInstances);
        assertEquals(ByteArraySerializer.class, fromInstances.getClass("key.serializer"));
        assertEquals(StringSerializer.class, fromInstances.getClass("value.serializer"));

        ConsumerConfig consumer = new ConsumerConfig(consumer("key.deserializer", LongDeserializer.class));
        Deserializer<Long> deserializer = consumer.newKeyDeserializer();
        assertInstanceOf(LongDeserializer.class, deserializer);
    }

    @Test
    void aClassThatIsNotASerializerIsNamedWhenInstantiated() {
        ProducerConfig config = new ProducerConfig(producer("key.serializer", "java.lang.String"));
        assertNamesKey("key.serializer", config::newKeySerializer);
        ProducerConfig noConstructor = new ProducerConfig(producer("value.serializer", NoDefaultConstructor.class));
        assertNamesKey("value.serializer", noConstructor::newValueSerializer);
    }

    @Test
    void propertiesWithDefaultsAreRead() {
        Properties defaults = new Properties();
        defaults.putAll(Map.of("bootstrap.servers", "b:9092", "linger.ms", "25"));
        Properties props = new Properties(defaults);
        props.put("key.serializer", StringSerializer.class);
        props.put("value.serializer", StringSerializer.class.getName());
        ProducerConfig config = new ProducerConfig(props);
        assertEquals(25L, config.getLong("linger.ms"));
        assertEquals(List.of("b:9092"), config.getList("bootstrap.servers"));
    }

    /** A serializer without a no-argument constructor. */
    public static final class NoDefaultConstructor implements Serializer<String> {
        public NoDefaultConstructor(int ignored) {
        }

        @Override
        public byte[] serialize(String topic, String data) {
            return null;
        }
    }

    private static void putIfSet(Map<String, Object> props, String key, String value) {
        if (value != null) {
            props.put(key, value);
        }
    }

    private static void assertNamesKey(String key, Runnable construct) {
        ConfigException e = assertThrows(ConfigException.class, construct::run);
        assertTrue(e.getMessage().contains(key), () -> "message does not name " + key + ": " + e.getMessage());
    }
}
