package io.samsa.tools.configs;

import com.fasterxml.jackson.databind.JsonNode;
import io.samsa.clients.admin.ConfigEntry;
import io.samsa.tools.cli.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigPrinterTest {

    private static final ConfigEntry RETENTION = new ConfigEntry("retention.ms", "1000",
            ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, false, false, List.of(
                    new ConfigEntry.ConfigSynonym("retention.ms", "1000", ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG),
                    new ConfigEntry.ConfigSynonym("log.retention.hours", "168", ConfigEntry.ConfigSource.DEFAULT_CONFIG)),
            ConfigEntry.ConfigType.LONG, null);

    @Test
    void textIsKafkasHeadingAndEntryLines() {
        String text = print(List.of(new EntityConfig(EntityType.TOPICS, "orders", List.of(RETENTION)),
                new EntityConfig(EntityType.BROKERS, "1", List.of()),
                new EntityConfig(EntityType.BROKERS, "", List.of())), false);
        assertEquals("""
                Dynamic configs for topic orders are:
                  retention.ms=1000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=1000, DEFAULT_CONFIG:log.retention.hours=168}
                Dynamic configs for broker 1 are:
                Default configs for brokers in the cluster are:
                """, text);
        assertEquals("All configs for broker 1 are:", ConfigPrinter.heading(new EntityConfig(EntityType.BROKERS, "1", List.of()), true));
        ConfigEntry secret = new ConfigEntry("ssl.key.password", null, ConfigEntry.ConfigSource.STATIC_BROKER_CONFIG, true, true,
                List.of(), ConfigEntry.ConfigType.PASSWORD, null);
        assertEquals("  ssl.key.password=null sensitive=true synonyms={}", ConfigPrinter.entryLine(secret));
    }

    @Test
    void jsonHasStableNamesAndANullNameForTheDefault() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConfigPrinter.printJson(List.of(new EntityConfig(EntityType.TOPICS, "orders", List.of(RETENTION)),
                new EntityConfig(EntityType.BROKERS, "", List.of())), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        JsonNode doc = Json.parse(bytes.toString(StandardCharsets.UTF_8));
        JsonNode topic = doc.get("entities").get(0);
        assertEquals("topics", topic.get("entityType").asText());
        assertEquals("orders", topic.get("entityName").asText());
        JsonNode c = topic.get("configs").get(0);
        assertEquals("retention.ms", c.get("name").asText());
        assertEquals("1000", c.get("value").asText());
        assertEquals("DYNAMIC_TOPIC_CONFIG", c.get("source").asText());
        assertEquals(false, c.get("sensitive").asBoolean());
        assertEquals(false, c.get("readOnly").asBoolean());
        assertEquals("DEFAULT_CONFIG", c.get("synonyms").get(1).get("source").asText());
        assertTrue(doc.get("entities").get(1).get("entityName").isNull());
    }

    private static String print(List<EntityConfig> entities, boolean all) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConfigPrinter.printText(entities, all, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
