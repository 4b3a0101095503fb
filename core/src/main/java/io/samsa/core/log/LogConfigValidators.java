package io.samsa.core.log;

import io.samsa.common.config.ConfigException;
import io.samsa.record.CompressionType;

import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Value checks for the log settings Kafka validates with something richer than a range or a list:
 * codec compression levels, the deprecated message format version, and the tiered-storage switch.
 * They serve both the topic keys ({@link LogConfig}) and their broker-level synonyms, so the two
 * always accept the same values. Every refusal is a {@link ConfigException} naming the key.
 * Stateless; thread-safe.
 */
public final class LogConfigValidators {

    /**
     * The Kafka releases a message format version may name: {@code 0.8.0} to {@code 0.11.0},
     * {@code 1.0} to {@code 3.9}. What may follow the release is an inter-broker protocol suffix
     * ({@code 3.0-IV1}) or further dotted parts ({@code 2.8.1}), which Kafka ignores when it looks
     * the version up.
     */
    private static final Pattern MESSAGE_FORMAT_VERSION = Pattern.compile(
            "(0\\.(8\\.[0-2]|9\\.0|10\\.[0-2]|11\\.0)|1\\.[01]|2\\.[0-8]|3\\.[0-9])(-IV[0-9]+|\\.[0-9]+)*");

    private LogConfigValidators() {
    }

    /** Accepts the levels {@code codec} takes: its range, or its "default" marker (gzip's -1). */
    public static BiConsumer<String, Object> compressionLevel(CompressionType codec) {
        return (name, v) -> {
            int level = ((Number) v).intValue();
            if (!codec.isValidLevel(level)) {
                String extra = codec.defaultLevel() < codec.minLevel() || codec.defaultLevel() > codec.maxLevel()
                        ? ", or " + codec.defaultLevel() + " for the codec's default" : "";
                throw new ConfigException(name, v, "must be between " + codec.minLevel() + " and "
                        + codec.maxLevel() + extra);
            }
        };
    }

    /**
     * Accepts a Kafka version as {@code message.format.version} takes it. The setting is deprecated
     * since Kafka 3.0 and ignored there; Samsa ignores it too (it stores v2 batches as produced)
     * but refuses what Kafka would not parse, so a typo fails the same way on both.
     */
    public static BiConsumer<String, Object> messageFormatVersion() {
        return (name, v) -> {
            if (!MESSAGE_FORMAT_VERSION.matcher(v.toString()).matches()) {
                throw new ConfigException(name, v, "must be a Kafka version such as 2.8 or 3.0-IV1");
            }
        };
    }

    /**
     * Refuses {@code remote.storage.enable=true}: Samsa has no tiered storage, which makes it a
     * ZooKeeper-mode Kafka with {@code remote.log.storage.system.enable=false}; that broker gives
     * this answer (INVALID_CONFIG) to the same request.
     */
    public static BiConsumer<String, Object> tieredStorageDisabled() {
        return (name, v) -> {
            if (Boolean.TRUE.equals(v)) {
                throw new ConfigException(name, v, "Tiered Storage functionality is disabled in the broker. "
                        + "Topic cannot be configured with remote log storage.");
            }
        };
    }
}
