package io.samsa.core.log;

/**
 * Which timestamp a topic keeps in its batches ({@code message.timestamp.type}): the producer's
 * create time, or the broker's append time written over it. Immutable.
 */
public enum MessageTimestampType {
    CREATE_TIME("CreateTime"),
    LOG_APPEND_TIME("LogAppendTime");

    private final String configName;

    MessageTimestampType(String configName) {
        this.configName = configName;
    }

    /** The value as written in configuration. */
    public String configName() {
        return configName;
    }

    public static MessageTimestampType forName(String name) {
        for (MessageTimestampType t : values()) {
            if (t.configName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown message.timestamp.type " + name);
    }
}
