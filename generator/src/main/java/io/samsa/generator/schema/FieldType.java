package io.samsa.generator.schema;

/**
 * The wire types a schema field can have, as named by the Kafka protocol guide. In flexible
 * versions STRING, BYTES, RECORDS and ARRAY switch to their compact forms (unsigned varint
 * length + 1); the fixed-size types are encoded the same in every version. Immutable.
 */
public enum FieldType {
    BOOLEAN(1),
    INT8(1),
    INT16(2),
    INT32(4),
    INT64(8),
    UINT16(2),
    FLOAT64(8),
    UUID(16),
    STRING(-1),
    BYTES(-1),
    RECORDS(-1),
    ARRAY(-1),
    STRUCT(-1);

    private final int fixedSize;

    FieldType(int fixedSize) {
        this.fixedSize = fixedSize;
    }

    /** Encoded size of a value of this type, or -1 when it depends on the value. */
    public int fixedSize() {
        return fixedSize;
    }

    /** Whether the protocol has a null encoding for this type. */
    public boolean canBeNullable() {
        return this == STRING || this == BYTES || this == RECORDS || this == ARRAY;
    }

    /** Whether a value of this type may be an element of an ARRAY field. */
    public boolean canBeArrayElement() {
        return this != ARRAY && this != RECORDS;
    }
}
