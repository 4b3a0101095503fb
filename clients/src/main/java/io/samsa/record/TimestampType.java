package io.samsa.record;

/**
 * The meaning of the timestamps of a batch: set by the producer (CREATE_TIME) or by the broker
 * when it appended the batch (LOG_APPEND_TIME), chosen by the attribute bit
 * {@link BatchLayout#TIMESTAMP_TYPE_MASK}. Ids and names match Kafka's. Immutable.
 */
public enum TimestampType {
    NO_TIMESTAMP_TYPE(-1, "NoTimestampType"),
    CREATE_TIME(0, "CreateTime"),
    LOG_APPEND_TIME(1, "LogAppendTime");

    public final int id;
    public final String displayName;

    TimestampType(int id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public static TimestampType forId(int id) {
        switch (id) {
            case -1: return NO_TIMESTAMP_TYPE;
            case 0: return CREATE_TIME;
            case 1: return LOG_APPEND_TIME;
            default: throw new IllegalArgumentException("Unknown timestamp type id " + id);
        }
    }

    /** Parses the names used by {@code message.timestamp.type} ("CreateTime", "LogAppendTime"). */
    public static TimestampType forName(String name) {
        for (TimestampType t : values()) {
            if (t.displayName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown timestamp type name " + name);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
