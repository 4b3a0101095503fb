package io.samsa.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.clients.admin.AdminClientConfig;
import io.samsa.clients.consumer.ConsumerConfig;
import io.samsa.clients.producer.ProducerConfig;
import io.samsa.common.config.ClassNames;
import io.samsa.common.config.ConfigDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key Samsa's client configs define exists in Kafka 3.9.1's matching config
 * (kafka-clients, test scope) with the same default, classes compared by their Samsa names.
 * Required keys are those Kafka requires, plus bootstrap.servers: Kafka's default there is an
 * empty list that fails only when the client starts, Samsa's config refuses it at once.
 */
class ConfigDefaultsOracleTest {

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of("producer", ProducerConfig.configDef(),
                        org.apache.kafka.clients.producer.ProducerConfig.configDef()),
                Arguments.of("consumer", ConsumerConfig.configDef(),
                        org.apache.kafka.clients.consumer.ConsumerConfig.configDef()),
                Arguments.of("admin", AdminClientConfig.configDef(),
                        org.apache.kafka.clients.admin.AdminClientConfig.configDef()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void defaultsEqualKafkas(String client, ConfigDef samsa, org.apache.kafka.common.config.ConfigDef kafka) {
        Map<String, Object> kafkaDefaults = kafka.defaultValues();
        List<String> checked = new ArrayList<>();
        for (ConfigDef.Key key : samsa.keys()) {
            assertTrue(kafka.names().contains(key.name()), () -> client + " defines " + key.name() + ", Kafka does not");
            if (key.defaultValue() == ConfigDef.NO_DEFAULT) {
                if (!key.name().equals("bootstrap.servers")) {
                    assertFalse(kafkaDefaults.containsKey(key.name()), () -> key.name() + " has a default in Kafka");
                }
                continue;
            }
            assertEquals(samsaForm(kafkaDefaults.get(key.name())), key.defaultValue(), () -> client + " " + key.name());
            checked.add(key.name());
        }
        assertTrue(checked.size() >= 15, () -> "only " + checked);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void requiredKeysAreKafkasPlusBootstrapServers(String client, ConfigDef samsa,
                                                    org.apache.kafka.common.config.ConfigDef kafka) {
        Set<String> kafkaRequired = new java.util.TreeSet<>(kafka.names());
        kafkaRequired.removeAll(kafka.defaultValues().keySet());
        Set<String> samsaRequired = new java.util.TreeSet<>();
        samsa.keys().stream().filter(k -> k.defaultValue() == ConfigDef.NO_DEFAULT).forEach(k -> samsaRequired.add(k.name()));
        kafkaRequired.add("bootstrap.servers");
        assertEquals(kafkaRequired, samsaRequired);
    }

    /** Kafka's default as Samsa stores it: classes by their Samsa names. */
    private static Object samsaForm(Object kafkaDefault) {
        if (kafkaDefault instanceof Class<?> c) {
            return ClassNames.toSamsaName(c.getName());
        }
        if (kafkaDefault instanceof List<?> list) {
            return list.stream().map(e -> e instanceof Class<?> c ? ClassNames.toSamsaName(c.getName()) : e).toList();
        }
        return kafkaDefault;
    }
}
