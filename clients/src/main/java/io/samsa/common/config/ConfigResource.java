package io.samsa.common.config;

import java.util.Objects;

/**
 * Something that has configuration a client can describe or change: a topic, a broker (the empty
 * name meaning the cluster-wide broker default) or a broker's loggers. Immutable.
 */
public final class ConfigResource {

    /** The kind of resource, with its id on the wire. */
    public enum Type {
        UNKNOWN((byte) 0), TOPIC((byte) 2), BROKER((byte) 4), BROKER_LOGGER((byte) 8), CLIENT_METRICS((byte) 16),
        GROUP((byte) 32);

        private final byte id;

        Type(byte id) {
            this.id = id;
        }

        public byte id() {
            return id;
        }

        /** The type with wire id {@code id}; {@link #UNKNOWN} for one this client does not know. */
        public static Type forId(byte id) {
            for (Type t : values()) {
                if (t.id == id) {
                    return t;
                }
            }
            return UNKNOWN;
        }
    }

    private final Type type;
    private final String name;

    /**
     * @param name a topic name, or a broker id (empty for the default of every broker)
     */
    public ConfigResource(Type type, String name) {
        this.type = Objects.requireNonNull(type, "type");
        this.name = Objects.requireNonNull(name, "name");
    }

    public Type type() {
        return type;
    }

    public String name() {
        return name;
    }

    /** Whether this is the cluster-wide default (an empty name). */
    public boolean isDefault() {
        return name.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigResource that && type == that.type && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + name.hashCode();
    }

    @Override
    public String toString() {
        return "ConfigResource(type=" + type + ", name='" + name + "')";
    }
}
