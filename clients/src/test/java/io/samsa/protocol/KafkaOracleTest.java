package io.samsa.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.MessageUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Apache Kafka's own generated message classes (kafka-clients 3.9.1, test scope) as the oracle:
 * what Samsa writes, Kafka reads and writes back byte for byte; version ranges, flexible versions
 * and header versions agree; and fields a version lacks get the same defaults on both sides.
 */
class KafkaOracleTest {

    static List<Arguments> everyMessageVersion() {
        return MessageCatalog.everyMessageVersion();
    }

    @ParameterizedTest(name = "{0} v{1} request={2}")
    @MethodSource("everyMessageVersion")
    void kafkaReadsSamsaBytesAndWritesThemBackIdentically(ApiKeys api, short version, boolean request) {
        MessageSpec spec = MessageCatalog.spec(api, request);
        for (int seed = 0; seed < 8; seed++) {
            Struct original = new RandomStructs(seed * 7919L + api.id() * 100L + version).message(spec, version);
            ByteBuffer samsa = MessageCodec.toBuffer(spec, version, original);

            ApiMessage kafka = newKafkaMessage(api, request);
            ByteBuffer input = samsa.duplicate();
            kafka.read(new ByteBufferAccessor(input), version);
            assertFalse(input.hasRemaining(), "Kafka left bytes unread");
            ByteBuffer kafkaBytes = MessageUtil.toByteBuffer(kafka, version);
            assertEquals(samsa, kafkaBytes, () -> spec.name() + " v" + version + " differs from Kafka's re-encoding of "
                + kafka + "\nSamsa value: " + original);

            Struct back = MessageCodec.read(spec, version, kafkaBytes.duplicate());
            StructAssertions.assertStructEquals(original, back, version, spec.name());
        }
    }

    /**
     * A value with every array holding one all-defaults element is written at version v; both
     * sides read it and write it again at every other version w. Fields v lacks come out of
     * each side's defaults, so equal bytes mean equal defaults.
     */
    @ParameterizedTest(name = "{0} v{1} request={2}")
    @MethodSource("everyMessageVersion")
    void defaultsOfFieldsAVersionLacksMatchKafka(ApiKeys api, short version, boolean request) {
        MessageSpec spec = MessageCatalog.spec(api, request);
        Struct tree = defaultTree(spec.root(), version);
        ByteBuffer samsa = MessageCodec.toBuffer(spec, version, tree);
        ApiMessage kafka = newKafkaMessage(api, request);
        kafka.read(new ByteBufferAccessor(samsa.duplicate()), version);
        Struct samsaRead = MessageCodec.read(spec, version, samsa.duplicate());
        int compared = 0;
        for (short w = api.oldestVersion(); w <= api.latestVersion(); w++) {
            ByteBuffer kafkaBytes;
            try {
                kafkaBytes = MessageUtil.toByteBuffer(kafka, w);
            } catch (UnsupportedVersionException e) {
                continue;   // an element of an array that w does not have
            }
            final short at = w;
            assertEquals(kafkaBytes, MessageCodec.toBuffer(spec, w, samsaRead),
                () -> spec.name() + " read at v" + version + ", written at v" + at + ": " + kafka);
            compared++;
        }
        assertTrue(compared > 0);
    }

    @ParameterizedTest
    @EnumSource(ApiKeys.class)
    void versionRangesAndHeaderVersionsMatchKafka(ApiKeys api) {
        org.apache.kafka.common.protocol.ApiKeys kafka = org.apache.kafka.common.protocol.ApiKeys.forId(api.id());
        assertNotNull(kafka);
        assertEquals(kafka.name, api.apiName());
        assertEquals(kafka.name(), api.name());
        assertEquals(kafka.oldestVersion(), api.oldestVersion());
        assertEquals(kafka.latestVersion(), api.latestVersion());
        for (short v = api.oldestVersion(); v <= api.latestVersion(); v++) {
            assertEquals(kafka.requestHeaderVersion(v), api.requestHeaderVersion(v), "request header v" + v);
            assertEquals(kafka.responseHeaderVersion(v), api.responseHeaderVersion(v), "response header v" + v);
            assertEquals(kafka.requestHeaderVersion(v) >= 2, api.isFlexible(v), "flexible v" + v);
        }
    }

    @Test
    void everyApiIdIsKafkasAndUnique() {
        List<Short> seen = new ArrayList<>();
        for (ApiKeys api : ApiKeys.values()) {
            assertFalse(seen.contains(api.id()));
            seen.add(api.id());
            assertEquals(api, ApiKeys.forId(api.id()));
        }
        assertEquals(null, ApiKeys.forId(-1));
        assertEquals(null, ApiKeys.forId(10_000));
    }

    private static ApiMessage newKafkaMessage(ApiKeys api, boolean request) {
        ApiMessageType type = ApiMessageType.fromApiKey(api.id());
        return request ? type.newRequest() : type.newResponse();
    }

    private static Struct defaultTree(StructSpec spec, int version) {
        Struct s = new Struct(spec);
        for (FieldSpec f : spec.fields()) {
            if (f.presentIn(version) && f.type() == FieldType.ARRAY && f.elementType() == FieldType.STRUCT) {
                s.set(f, new ArrayList<>(List.of(defaultTree(f.struct(), version))));
            } else if (f.presentIn(version) && f.type() == FieldType.STRUCT) {
                s.set(f, defaultTree(f.struct(), version));
            }
        }
        return s;
    }
}
