package io.samsa.clients.admin;

import java.util.List;
import java.util.Objects;

/**
 * One configuration value of a resource: where it comes from, whether it may be changed, and (when
 * asked for) its synonyms, type and documentation. Immutable.
 */
public class ConfigEntry {

    /** Where a value comes from, highest precedence first. */
    public enum ConfigSource {
        DYNAMIC_TOPIC_CONFIG, DYNAMIC_BROKER_LOGGER_CONFIG, DYNAMIC_BROKER_CONFIG, DYNAMIC_DEFAULT_BROKER_CONFIG,
        DYNAMIC_CLIENT_METRICS_CONFIG, STATIC_BROKER_CONFIG, DEFAULT_CONFIG, UNKNOWN
    }

    /** The data type of a config. */
    public enum ConfigType {
        UNKNOWN, BOOLEAN, STRING, INT, SHORT, LONG, DOUBLE, LIST, CLASS, PASSWORD
    }

    /** A value the config has at another precedence level. Immutable. */
    public static class ConfigSynonym {
        private final String name;
        private final String value;
        private final ConfigSource source;

        public ConfigSynonym(String name, String value, ConfigSource source) {
            this.name = name;
            this.value = value;
            this.source = source;
        }

        public String name() {
            return name;
        }

        public String value() {
            return value;
        }

        public ConfigSource source() {
            return source;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ConfigSynonym that && name.equals(that.name) && Objects.equals(value, that.value)
                    && source == that.source;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, value, source);
        }

        @Override
        public String toString() {
            return "ConfigSynonym(name=" + name + ", value=" + value + ", source=" + source + ")";
        }
    }

    private final String name;
    private final String value;
    private final ConfigSource source;
    private final boolean sensitive;
    private final boolean readOnly;
    private final List<ConfigSynonym> synonyms;
    private final ConfigType type;
    private final String documentation;

    /** A name and value, for {@link AlterConfigOp}. */
    public ConfigEntry(String name, String value) {
        this(name, value, ConfigSource.UNKNOWN, false, false, List.of(), ConfigType.UNKNOWN, null);
    }

    public ConfigEntry(String name, String value, ConfigSource source, boolean isSensitive, boolean isReadOnly,
                       List<ConfigSynonym> synonyms, ConfigType type, String documentation) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = value;
        this.source = source;
        this.sensitive = isSensitive;
        this.readOnly = isReadOnly;
        this.synonyms = List.copyOf(synonyms);
        this.type = type;
        this.documentation = documentation;
    }

    public String name() {
        return name;
    }

    /** The value, or null when it is sensitive or unset. */
    public String value() {
        return value;
    }

    public ConfigSource source() {
        return source;
    }

    /** Whether the value is the built-in default. */
    public boolean isDefault() {
        return source == ConfigSource.DEFAULT_CONFIG;
    }

    public boolean isSensitive() {
        return sensitive;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** The values at lower precedence levels (when asked for with includeSynonyms), highest first. */
    public List<ConfigSynonym> synonyms() {
        return synonyms;
    }

    /** The data type, or {@link ConfigType#UNKNOWN} when the broker did not say. */
    public ConfigType type() {
        return type;
    }

    /** The documentation (when asked for with includeDocumentation), or null. */
    public String documentation() {
        return documentation;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigEntry that && name.equals(that.name) && Objects.equals(value, that.value)
                && sensitive == that.sensitive && readOnly == that.readOnly && source == that.source
                && synonyms.equals(that.synonyms) && type == that.type && Objects.equals(documentation, that.documentation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value, sensitive, readOnly, source, synonyms, type, documentation);
    }

    @Override
    public String toString() {
        return "ConfigEntry(name=" + name + ", value=" + (sensitive ? "Redacted" : value) + ", source=" + source
                + ", isSensitive=" + sensitive + ", isReadOnly=" + readOnly + ", synonyms=" + synonyms + ", type=" + type
                + ", documentation=" + documentation + ")";
    }
}
