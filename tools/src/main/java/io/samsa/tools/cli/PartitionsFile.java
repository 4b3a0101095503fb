package io.samsa.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.samsa.common.TopicPartition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the JSON files Kafka's partition tools take: {@code {"partitions": [{"topic": "t",
 * "partition": 0, ...}, ...], "version": 1}} ({@code version} optional, 1 the only one), each
 * entry read by the caller ({@code kafka-delete-records} adds an {@code offset}). A file that cannot
 * be read, is not such a document or names a partition twice fails in one line naming the file
 * and the entry. Stateless.
 */
public final class PartitionsFile {

    /** Reads one entry of the {@code partitions} array, which has a valid topic and partition. */
    @FunctionalInterface
    public interface EntryReader<T> {
        T read(TopicPartition partition, JsonNode entry, Function<String, ToolFailure> invalid);
    }

    private PartitionsFile() {
    }

    /** The entries of {@code file}, which {@code option} named, in order. */
    public static <T> List<T> read(Path file, String option, EntryReader<T> reader) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ToolFailure(option + " " + file + ": no such file", e);
        } catch (IOException e) {
            throw new ToolFailure(option + " " + file + ": cannot read it: " + e.getMessage(), e);
        }
        return parse(text, option + " " + file, reader);
    }

    /** The entries of a document; {@code source} names it in messages. */
    static <T> List<T> parse(String text, String source, EntryReader<T> reader) {
        JsonNode doc;
        try {
            doc = Json.parse(text);
        } catch (IOException e) {
            throw new ToolFailure(source + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (doc == null || !doc.isObject()) {
            throw new ToolFailure(source + ": expected a JSON object with a \"partitions\" array");
        }
        JsonNode version = doc.get("version");
        if (version != null && !(version.isInt() && version.asInt() == 1)) {
            throw new ToolFailure(source + ": unsupported version " + version + " (1 is the only one)");
        }
        JsonNode partitions = doc.get("partitions");
        if (partitions == null || !partitions.isArray()) {
            throw new ToolFailure(source + ": missing the \"partitions\" array");
        }
        List<T> entries = new ArrayList<>();
        Set<TopicPartition> seen = new LinkedHashSet<>();
        for (int i = 0; i < partitions.size(); i++) {
            JsonNode entry = partitions.get(i);
            String where = source + ": partitions[" + i + "]";
            JsonNode topic = entry.get("topic");
            JsonNode partition = entry.get("partition");
            if (topic == null || !topic.isTextual() || topic.asText().isEmpty()) {
                throw new ToolFailure(where + " needs a \"topic\" name");
            }
            if (partition == null || !partition.isInt() || partition.asInt() < 0) {
                throw new ToolFailure(where + " needs a \"partition\" number");
            }
            TopicPartition tp = new TopicPartition(topic.asText(), partition.asInt());
            if (!seen.add(tp)) {
                throw new ToolFailure(source + ": partition " + tp + " is listed twice");
            }
            entries.add(reader.read(tp, entry, why -> new ToolFailure(where + " (" + tp + ") " + why)));
        }
        return entries;
    }
}
