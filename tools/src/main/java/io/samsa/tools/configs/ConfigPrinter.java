package io.samsa.tools.configs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samsa.clients.admin.ConfigEntry;
import io.samsa.tools.cli.Json;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints {@code --describe}'s result. As text, Kafka 3.9's lines: per entity
 * {@code Dynamic configs for topic t are:} ({@code All configs ...} with {@code --all};
 * {@code Default configs for brokers in the cluster are:} for the brokers' default), then per entry
 * {@code   name=value sensitive=false synonyms={SOURCE:name=value, ...}}. As JSON, one document
 * {@code {"entities": [{"entityType", "entityName" (null for the default), "configs": [{"name",
 * "value", "source", "sensitive", "readOnly", "synonyms": [{"name", "value", "source"}]}]}]}}.
 * Stateless.
 */
final class ConfigPrinter {

    private ConfigPrinter() {
    }

    static void printText(List<EntityConfig> entities, boolean all, PrintStream out) {
        for (EntityConfig e : entities) {
            out.println(heading(e, all));
            for (ConfigEntry entry : e.entries()) {
                out.println(entryLine(entry));
            }
        }
    }

    static String heading(EntityConfig e, boolean all) {
        if (e.name().isEmpty()) {
            return "Default configs for " + e.type().label() + " in the cluster are:";
        }
        return (all ? "All" : "Dynamic") + " configs for " + e.type().singular() + " " + e.name() + " are:";
    }

    static String entryLine(ConfigEntry entry) {
        String synonyms = entry.synonyms().stream().map(s -> s.source() + ":" + s.name() + "=" + s.value())
                .collect(Collectors.joining(", "));
        return "  " + entry.name() + "=" + entry.value() + " sensitive=" + entry.isSensitive() + " synonyms={" + synonyms + "}";
    }

    static void printJson(List<EntityConfig> entities, PrintStream out) {
        ObjectNode doc = Json.object();
        ArrayNode array = doc.putArray("entities");
        for (EntityConfig e : entities) {
            ObjectNode o = array.addObject();
            o.put("entityType", e.type().label());
            if (e.name().isEmpty()) {
                o.putNull("entityName");
            } else {
                o.put("entityName", e.name());
            }
            ArrayNode configs = o.putArray("configs");
            for (ConfigEntry entry : e.entries()) {
                ObjectNode c = configs.addObject();
                c.put("name", entry.name());
                c.put("value", entry.value());
                c.put("source", String.valueOf(entry.source()));
                c.put("sensitive", entry.isSensitive());
                c.put("readOnly", entry.isReadOnly());
                ArrayNode synonyms = c.putArray("synonyms");
                entry.synonyms().forEach(s -> synonyms.addObject().put("name", s.name()).put("value", s.value())
                        .put("source", String.valueOf(s.source())));
            }
        }
        Json.print(out, doc);
    }
}
