package io.samsa.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every (API, version) in both directions: random values written, read back, compared field by field. */
class MessageRoundTripTest {

    static List<Arguments> everyMessageVersion() {
        return MessageCatalog.everyMessageVersion();
    }

    @ParameterizedTest(name = "{0} v{1} request={2}")
    @MethodSource("everyMessageVersion")
    void randomValuesSurviveWriteAndRead(ApiKeys api, short version, boolean request) {
        MessageSpec spec = MessageCatalog.spec(api, request);
        for (int seed = 0; seed < 8; seed++) {
            RandomStructs random = new RandomStructs(seed * 31L + api.id() * 1000L + version);
            Struct original = random.message(spec, version);
            ByteBuffer buf = MessageCodec.toBuffer(spec, version, original);
            assertEquals(MessageCodec.size(spec, version, original), buf.remaining());

            Struct read = MessageCodec.read(spec, version, buf);
            assertFalse(buf.hasRemaining(), "bytes left over after reading " + spec.name() + " v" + version);
            StructAssertions.assertStructEquals(original, read, version, spec.name());

            ByteBuffer again = MessageCodec.toBuffer(spec, version, read);
            buf.rewind();
            assertEquals(buf, again, "re-encoding what was read gives the same bytes");
        }
    }

    @ParameterizedTest(name = "{0} v{1} request={2}")
    @MethodSource("everyMessageVersion")
    void defaultsSurviveWriteAndRead(ApiKeys api, short version, boolean request) {
        MessageSpec spec = MessageCatalog.spec(api, request);
        Struct empty = spec.newStruct();
        ByteBuffer buf = MessageCodec.toBuffer(spec, version, empty);
        Struct read = MessageCodec.read(spec, version, buf);
        assertFalse(buf.hasRemaining());
        StructAssertions.assertStructEquals(empty, read, version, spec.name());
    }
}
