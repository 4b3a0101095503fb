package io.samsa.clients.consumer;

import io.samsa.common.serialization.ByteArrayDeserializer;
import io.samsa.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Properties given to the constructor are read as Kafka's consumer reads them, non-string values included. */
class SamsaConsumerPropertiesTest {

    @Test
    void deserializerClassesMayBeGivenAsClassObjects() {
        // As Kafka's ConsumerPerformance configures its consumer: classes, not class names.
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        SamsaConsumer<byte[], String> consumer = new SamsaConsumer<>(props);
        try {
            assertEquals(0, consumer.assignment().size());
        } finally {
            consumer.close(Duration.ZERO);
        }
    }
}
