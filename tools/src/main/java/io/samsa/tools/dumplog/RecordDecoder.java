package io.samsa.tools.dumplog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samsa.core.coordinator.group.OffsetAndMetadata;
import io.samsa.core.coordinator.group.OffsetsTopicRecords;
import io.samsa.record.Record;
import io.samsa.tools.cli.UsageException;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code --print-data-log} shows a record's key and value: through one of Kafka's decoders
 * ({@code StringDecoder}, the default, {@code IntegerDecoder}, {@code LongDecoder}, or
 * {@code DefaultDecoder}, shown as hex), each chosen separately for keys and values, or, with
 * {@code --offsets-decoder}, as {@code __consumer_offsets} records in Kafka's JSON: a key
 * {@code {"type":"1","data":{"group":...,"topic":...,"partition":...}}} and a value
 * {@code {"version":"3","data":{"offset":...}}} ({@code <DELETE>} for a tombstone; member
 * subscriptions and assignments as base64), or, with {@code --transaction-log-decoder}, as
 * {@code __transaction_state} records ({@link TransactionLogRecords}). Immutable.
 */
abstract class RecordDecoder {

    /** A record's key and value as printed; null for a field that is not printed. */
    record Decoded(String key, String payload) {
    }

    private static final Map<String, String> KAFKA_NAMES = Map.of(
            "kafka.serializer.StringDecoder", "string", "org.apache.kafka.tools.api.StringDecoder", "string",
            "kafka.serializer.IntegerDecoder", "integer", "org.apache.kafka.tools.api.IntegerDecoder", "integer",
            "kafka.serializer.LongDecoder", "long", "org.apache.kafka.tools.api.LongDecoder", "long",
            "kafka.serializer.DefaultDecoder", "default", "org.apache.kafka.tools.api.DefaultDecoder", "default");

    abstract Decoded decode(Record record);

    /** Kafka's decoders by class name (or short name); null means StringDecoder. */
    static RecordDecoder of(String keyDecoder, String valueDecoder) throws UsageException {
        String k = kind("--key-decoder-class", keyDecoder);
        String v = kind("--value-decoder-class", valueDecoder);
        return new RecordDecoder() {
            @Override
            Decoded decode(Record r) {
                return new Decoded(r.hasKey() ? field(k, r.key()) : null, r.hasValue() ? field(v, r.value()) : null);
            }
        };
    }

    static RecordDecoder offsets() {
        return new RecordDecoder() {
            @Override
            Decoded decode(Record r) {
                if (!r.hasKey()) {
                    return new Decoded("Error at offset " + r.offset() + ", skipping. The record has no key", null);
                }
                try {
                    ByteBuffer key = r.key();
                    short type = key.getShort(key.position());
                    OffsetsTopicRecords.Key parsed = OffsetsTopicRecords.readKey(key);
                    String keyJson = offsetsKey(type, parsed);
                    if (!r.hasValue()) {
                        return new Decoded(keyJson, "<DELETE>");
                    }
                    ByteBuffer value = r.value();
                    short version = value.getShort(value.position());
                    ObjectNode data = parsed instanceof OffsetsTopicRecords.OffsetKey
                            ? offsetValue(version, OffsetsTopicRecords.readOffsetValue(value))
                            : groupValue(OffsetsTopicRecords.readGroupValue(value));
                    ObjectNode doc = JsonNodeFactory.instance.objectNode();
                    doc.put("version", Short.toString(version));
                    doc.set("data", data);
                    return new Decoded(keyJson, doc.toString());
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    return new Decoded("Error at offset " + r.offset() + ", skipping. " + e.getMessage(), null);
                }
            }
        };
    }

    /** {@code __transaction_state} records, as Kafka's {@code --transaction-log-decoder} prints them. */
    static RecordDecoder transactionLog() {
        return new RecordDecoder() {
            @Override
            Decoded decode(Record r) {
                if (!r.hasKey()) {
                    return new Decoded("Error at offset " + r.offset() + ", skipping. The record has no key", null);
                }
                try {
                    String key = TransactionLogRecords.key(r.key());
                    if (!TransactionLogRecords.knownKey(r.key())) {
                        return new Decoded(key, null);
                    }
                    return new Decoded(key, r.hasValue() ? TransactionLogRecords.value(r.value()) : "<DELETE>");
                } catch (RuntimeException e) {
                    // Any malformed bytes (short buffer, bad length, unknown version): Kafka's line, and on to the next.
                    String why = e instanceof BufferUnderflowException ? "The record is shorter than its schema"
                            : e.getMessage();
                    return new Decoded("Error at offset " + r.offset() + ", skipping. " + why, null);
                }
            }
        };
    }

    private static String offsetsKey(short type, OffsetsTopicRecords.Key key) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("group", key.group());
        if (key instanceof OffsetsTopicRecords.OffsetKey o) {
            data.put("topic", o.topicPartition().topic());
            data.put("partition", o.topicPartition().partition());
        }
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("type", Short.toString(type));
        doc.set("data", data);
        return doc.toString();
    }

    private static ObjectNode offsetValue(short version, OffsetAndMetadata o) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("offset", o.offset());
        if (version >= 3) {
            data.put("leaderEpoch", o.leaderEpoch());
        }
        data.put("metadata", o.metadata());
        data.put("commitTimestamp", o.commitTimestamp());
        if (version == 1) {
            data.put("expireTimestamp", o.expireTimestamp());
        }
        return data;
    }

    private static ObjectNode groupValue(OffsetsTopicRecords.StoredGroup g) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("protocolType", g.protocolType());
        data.put("generation", g.generation());
        data.put("protocol", g.protocol());
        data.put("leader", g.leader());
        data.put("currentStateTimestamp", g.currentStateTimestamp());
        ArrayNode members = data.putArray("members");
        for (OffsetsTopicRecords.StoredMember m : g.members()) {
            ObjectNode o = members.addObject();
            o.put("memberId", m.memberId());
            o.put("groupInstanceId", m.groupInstanceId());
            o.put("clientId", m.clientId());
            o.put("clientHost", m.clientHost());
            o.put("rebalanceTimeout", m.rebalanceTimeoutMs());
            o.put("sessionTimeout", m.sessionTimeoutMs());
            o.put("subscription", m.subscription());
            o.put("assignment", m.assignment());
        }
        return data;
    }

    private static String kind(String option, String className) throws UsageException {
        if (className == null || className.isBlank()) {
            return "string";
        }
        String name = className.trim();
        String kind = KAFKA_NAMES.get(name);
        if (kind == null) {
            String simple = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            kind = switch (simple) {
                case "stringdecoder" -> "string";
                case "integerdecoder" -> "integer";
                case "longdecoder" -> "long";
                case "defaultdecoder" -> "default";
                default -> throw new UsageException(option + " " + className + ": the decoders are StringDecoder, "
                        + "IntegerDecoder, LongDecoder and DefaultDecoder");
            };
        }
        return kind;
    }

    private static String field(String kind, ByteBuffer b) {
        ByteBuffer bytes = b.duplicate();
        return switch (kind) {
            case "integer" -> bytes.remaining() == 4 ? Integer.toString(bytes.getInt())
                    : "<not a 4-byte integer: " + hex(bytes) + ">";
            case "long" -> bytes.remaining() == 8 ? Long.toString(bytes.getLong())
                    : "<not an 8-byte long: " + hex(bytes) + ">";
            case "default" -> hex(bytes);
            default -> StandardCharsets.UTF_8.decode(bytes).toString();
        };
    }

    private static String hex(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return HexFormat.of().formatHex(a);
    }
}
