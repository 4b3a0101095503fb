package io.samsa.generator.schema;

/**
 * The vocabulary message classes use to describe a message once, as data:
 * <pre>{@code
 * request(0, "Produce").versions(0, 11).flexibleFrom(9).fields(
 *     string("transactional_id", "...").v(3).nullable(),
 *     int16("acks", "..."),
 *     array("topic_data", "...",
 *         string("name", "..."),
 *         ...));
 * }</pre>
 * A field is present from version 0 (or its parent's lowest version) to the message's highest
 * unless narrowed with {@code v(..)}. Static factories only; thread-safe.
 */
public final class SchemaDsl {

    private SchemaDsl() {
    }

    public static MessageSpec.Builder request(int apiKey, String apiName) {
        return new MessageSpec.Builder(apiKey, apiName + "Request", true);
    }

    public static MessageSpec.Builder response(int apiKey, String apiName) {
        return new MessageSpec.Builder(apiKey, apiName + "Response", false);
    }

    public static FieldBuilder bool(String name, String doc) {
        return scalar(name, doc, FieldType.BOOLEAN);
    }

    public static FieldBuilder int8(String name, String doc) {
        return scalar(name, doc, FieldType.INT8);
    }

    public static FieldBuilder int16(String name, String doc) {
        return scalar(name, doc, FieldType.INT16);
    }

    public static FieldBuilder int32(String name, String doc) {
        return scalar(name, doc, FieldType.INT32);
    }

    public static FieldBuilder int64(String name, String doc) {
        return scalar(name, doc, FieldType.INT64);
    }

    public static FieldBuilder uint16(String name, String doc) {
        return scalar(name, doc, FieldType.UINT16);
    }

    public static FieldBuilder float64(String name, String doc) {
        return scalar(name, doc, FieldType.FLOAT64);
    }

    public static FieldBuilder uuid(String name, String doc) {
        return scalar(name, doc, FieldType.UUID);
    }

    public static FieldBuilder string(String name, String doc) {
        return scalar(name, doc, FieldType.STRING);
    }

    public static FieldBuilder bytes(String name, String doc) {
        return scalar(name, doc, FieldType.BYTES);
    }

    /** Record batches: read as a slice of the input, written from a {@link RecordsData} or ByteBuffer. */
    public static FieldBuilder records(String name, String doc) {
        return scalar(name, doc, FieldType.RECORDS);
    }

    public static FieldBuilder int32s(String name, String doc) {
        return arrayOf(name, doc, FieldType.INT32);
    }

    public static FieldBuilder int64s(String name, String doc) {
        return arrayOf(name, doc, FieldType.INT64);
    }

    public static FieldBuilder strings(String name, String doc) {
        return arrayOf(name, doc, FieldType.STRING);
    }

    public static FieldBuilder uuids(String name, String doc) {
        return arrayOf(name, doc, FieldType.UUID);
    }

    /** An array of primitive values of {@code elementType}. */
    public static FieldBuilder arrayOf(String name, String doc, FieldType elementType) {
        return new FieldBuilder(name, doc, FieldType.ARRAY, elementType, null);
    }

    /** An array of structs with the given fields. */
    public static FieldBuilder array(String name, String doc, FieldBuilder... fields) {
        return new FieldBuilder(name, doc, FieldType.ARRAY, FieldType.STRUCT, fields);
    }

    /** A single nested struct with the given fields. */
    public static FieldBuilder struct(String name, String doc, FieldBuilder... fields) {
        return new FieldBuilder(name, doc, FieldType.STRUCT, null, fields);
    }

    private static FieldBuilder scalar(String name, String doc, FieldType type) {
        return new FieldBuilder(name, doc, type, null, null);
    }
}
