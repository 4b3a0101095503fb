package io.samsa.clients.admin;

import java.util.Objects;

/**
 * One change to a configuration: set a value, delete it (back to the default), or append to or
 * subtract from a list-typed value. Immutable.
 */
public class AlterConfigOp {

    /** What the change does, with its id on the wire. */
    public enum OpType {
        SET((byte) 0), DELETE((byte) 1), APPEND((byte) 2), SUBTRACT((byte) 3);

        private final byte id;

        OpType(byte id) {
            this.id = id;
        }

        public byte id() {
            return id;
        }

        public static OpType forId(byte id) {
            for (OpType t : values()) {
                if (t.id == id) {
                    return t;
                }
            }
            throw new IllegalArgumentException("Unknown config operation " + id);
        }
    }

    private final ConfigEntry configEntry;
    private final OpType opType;

    public AlterConfigOp(ConfigEntry configEntry, OpType opType) {
        this.configEntry = Objects.requireNonNull(configEntry, "configEntry");
        this.opType = Objects.requireNonNull(opType, "opType");
    }

    public ConfigEntry configEntry() {
        return configEntry;
    }

    public OpType opType() {
        return opType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlterConfigOp that && opType == that.opType && configEntry.equals(that.configEntry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(opType, configEntry);
    }

    @Override
    public String toString() {
        return "AlterConfigOp(opType=" + opType + ", configEntry=" + configEntry + ")";
    }
}
