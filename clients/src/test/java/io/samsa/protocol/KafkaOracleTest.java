package io.samsa.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.generator.schema.MessageSpec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.MessageUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Apache Kafka's own generated message classes (kafka-clients 3.9.1, test scope) as the oracle
 * for Samsa's: the same random encodings are read and written back identically by both; written
 * again at every other version of the API, both produce the same bytes or both refuse (so the
 * defaults of the fields a version lacks, and which fields may be dropped, agree); version
 * ranges, flexible versions and header versions agree.
 */
class KafkaOracleTest {

    static List<Arguments> everyMessageVersion() {
        return MessageCatalog.everyMessageVersion();
    }

    @ParameterizedTest(name = "{0} v{1} request={2}")
    @MethodSource("everyMessageVersion")
    void bothReadAndWriteTheSameBytesAtEveryVersion(ApiKeys api, short version, boolean request) {
        MessageSpec spec = MessageCatalog.spec(api, request);
        for (int seed = 0; seed < 6; seed++) {
            ByteBuffer bytes = new RandomMessageBytes(seed * 7919L + api.id() * 100L + version).message(spec, version);

            org.apache.kafka.common.protocol.ApiMessage kafka = newKafkaMessage(api, request);
            ByteBuffer kafkaInput = bytes.duplicate();
            kafka.read(new ByteBufferAccessor(kafkaInput), version);
            assertFalse(kafkaInput.hasRemaining(), "Kafka left bytes unread");
            assertEquals(bytes, MessageUtil.toByteBuffer(kafka, version), () -> "Kafka's re-encoding of " + kafka);

            ApiMessage samsa = MessageCatalog.parse(api, request, bytes.duplicate(), version);
            assertEquals(bytes, MessageCodec.toBuffer(samsa, version), () -> "Samsa's re-encoding of " + samsa);

            for (short w = api.oldestVersion(); w <= api.latestVersion(); w++) {
                assertSameAt(w, kafka, samsa, () -> spec.name() + " read at v" + version);
            }
        }
    }

    /** A value with every field at its default, read at one version and written at all. */
    @ParameterizedTest(name = "{0} v{1} request={2}")
    @MethodSource("everyMessageVersion")
    void defaultsOfFieldsAVersionLacksMatchKafka(ApiKeys api, short version, boolean request) {
        ApiMessage empty = MessageCatalog.empty(api, request);
        ByteBuffer bytes = MessageCodec.toBuffer(empty, version);
        org.apache.kafka.common.protocol.ApiMessage kafka = newKafkaMessage(api, request);
        kafka.read(new ByteBufferAccessor(bytes.duplicate()), version);
        assertEquals(bytes, MessageUtil.toByteBuffer(kafka, version));
        ApiMessage samsa = MessageCatalog.parse(api, request, bytes.duplicate(), version);
        for (short w = api.oldestVersion(); w <= api.latestVersion(); w++) {
            assertSameAt(w, kafka, samsa, () -> MessageCatalog.spec(api, request).name() + " empty, read at v" + version);
        }
    }

    private static void assertSameAt(short w, org.apache.kafka.common.protocol.ApiMessage kafka, ApiMessage samsa,
                                     java.util.function.Supplier<String> what) {
        ByteBuffer kafkaBytes;
        try {
            kafkaBytes = MessageUtil.toByteBuffer(kafka, w);
        } catch (RuntimeException kafkaRefused) {
            UnsupportedVersionException e = assertThrows(UnsupportedVersionException.class, () -> MessageCodec.toBuffer(samsa, w),
                () -> what.get() + ": Kafka refuses to write it at v" + w + " (" + kafkaRefused + "), Samsa does not");
            assertNotNull(e.getMessage());
            return;
        }
        ByteBuffer samsaBytes;
        try {
            samsaBytes = MessageCodec.toBuffer(samsa, w);
        } catch (UnsupportedVersionException e) {
            throw new AssertionError(what.get() + ": Samsa refuses to write it at v" + w + " (" + e.getMessage()
                + "), Kafka writes " + kafka, e);
        }
        assertEquals(kafkaBytes, samsaBytes, () -> what.get() + ", written at v" + w + ": Kafka " + kafka + "\nSamsa " + samsa);
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
            assertTrue(api.newRequest().apiKey() == api.id() && api.newResponse().apiKey() == api.id());
        }
        assertEquals(null, ApiKeys.forId(-1));
        assertEquals(null, ApiKeys.forId(10_000));
    }

    private static org.apache.kafka.common.protocol.ApiMessage newKafkaMessage(ApiKeys api, boolean request) {
        ApiMessageType type = ApiMessageType.fromApiKey(api.id());
        return request ? type.newRequest() : type.newResponse();
    }
}
