package io.samsa.zk.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesKafkaBrokerRegistrationAndWritesItBackUnchanged() {
        String text = "{\"features\":{},\"listener_security_protocol_map\":{\"PLAINTEXT\":\"PLAINTEXT\"},"
                + "\"endpoints\":[\"PLAINTEXT://localhost:9092\"],\"jmx_port\":-1,\"port\":9092,\"host\":\"localhost\","
                + "\"version\":5,\"timestamp\":\"1700000000000\"}";
        JsonObject o = Json.parseObject(text);
        assertEquals(5, o.getInt("version"));
        assertEquals(-1, o.getInt("jmx_port"));
        assertEquals("1700000000000", o.getString("timestamp"));
        assertEquals(List.of("PLAINTEXT://localhost:9092"), o.getStringList("endpoints"));
        assertEquals("PLAINTEXT", o.getObject("listener_security_protocol_map").getString("PLAINTEXT"));
        assertEquals(0, o.getObject("features").size());
        assertEquals(text, Json.write(o));
    }

    @Test
    void parsesWhitespaceAndAllScalarKinds() {
        Object v = Json.parse(" {\n \"a\" : [ 1 , -2 , 3.5 , -0.25e2 , true , false , null , \"x\" ] ,\t\"b\":{ } }\r\n");
        JsonObject o = (JsonObject) v;
        List<Object> a = o.getArray("a");
        assertEquals(List.of(1L, -2L, 3.5, -25.0, true, false), a.subList(0, 6));
        assertNull(a.get(6));
        assertEquals("x", a.get(7));
        assertEquals("{\"a\":[1,-2,3.5,-25.0,true,false,null,\"x\"],\"b\":{}}", Json.write(o));
    }

    @Test
    void integersBeyondLongBecomeBigIntegers() {
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
        assertEquals(new BigInteger("9223372036854775808"), Json.parse("9223372036854775808"));
        JsonObject o = Json.parseObject("{\"n\":9223372036854775808,\"i\":2147483648}");
        assertThrows(JsonException.class, () -> o.getLong("n"));
        assertThrows(JsonException.class, () -> o.getInt("i"));
        assertEquals(2147483648L, o.getLong("i"));
    }

    @Test
    void escapesRoundTrip() {
        String nasty = "quote\" backslash\\ slash/ newline\n tab\t cr\r bell\u0007 nul\u0000 e\u00e9 snowman\u2603 emoji\ud83d\ude00";
        String written = Json.write(nasty);
        assertEquals("\"quote\\\" backslash\\\\ slash/ newline\\n tab\\t cr\\r bell\\u0007 nul\\u0000 e\u00e9 snowman\u2603 emoji\ud83d\ude00\"",
                written);
        assertEquals(nasty, Json.parse(written));
        assertEquals("\u00e9\ud83d\ude00/\b\f", Json.parse("\"\\u00E9\\ud83d\\ude00\\/\\b\\f\""));
    }

    @Test
    void utf8BytesDecode() {
        byte[] bytes = "{\"id\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("caf\u00e9", Json.parseObject(bytes).getString("id"));
        assertEquals("{\"id\":\"caf\u00e9\"}", new String(Json.writeBytes(Json.parseObject(bytes)), StandardCharsets.UTF_8));
    }

    @Test
    void rejectsMalformedInput() {
        for (String bad : List.of("", " ", "{", "}", "[1,]", "{\"a\":1,}", "{a:1}", "{\"a\" 1}", "01", "-", "1.", "1e", ".5",
                "+1", "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"tab\there\"", "[1 2]", "{} {}",
                "NaN", "1e999", "'single'")) {
            assertThrows(JsonException.class, () -> Json.parse(bad), () -> "should reject: " + bad);
        }
    }

    @Test
    void rejectsExcessiveNesting() {
        String deep = "[".repeat(JsonParser.MAX_DEPTH + 2) + "]".repeat(JsonParser.MAX_DEPTH + 2);
        assertThrows(JsonException.class, () -> Json.parse(deep));
        String ok = "[".repeat(100) + "]".repeat(100);
        assertTrue(Json.parse(ok) instanceof List);
    }

    @Test
    void typedGettersNameTheKey() {
        JsonObject o = Json.parseObject("{\"s\":1,\"n\":null}");
        JsonException e = assertThrows(JsonException.class, () -> o.getString("s"));
        assertTrue(e.getMessage().contains("'s'"), e.getMessage());
        assertTrue(assertThrows(JsonException.class, () -> o.getInt("missing")).getMessage().contains("Missing field 'missing'"));
        assertTrue(assertThrows(JsonException.class, () -> o.getInt("n")).getMessage().contains("is null"));
        assertEquals("d", o.optString("n", "d"));
        assertEquals(7, o.optInt("missing", 7));
        assertEquals(0, o.optObject("missing").size());
        assertThrows(JsonException.class, () -> Json.parseObject("[1]"));
    }

    @Test
    void writerAcceptsPlainJavaCollections() {
        assertEquals("{\"a\":[1,2],\"b\":{\"c\":\"d\"},\"e\":[3,4]}",
                Json.write(new JsonObject().put("a", List.of(1, 2)).put("b", Map.of("c", "d")).put("e", new int[] {3, 4})));
        assertThrows(JsonException.class, () -> Json.write(Double.NaN));
        assertThrows(JsonException.class, () -> Json.write(new Object()));
        assertThrows(JsonException.class, () -> Json.write(Map.of(1, 2)));
    }

    @Test
    void randomDocumentsRoundTrip() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            Object value = randomValue(random, 0);
            String text = Json.write(value);
            Object parsed = Json.parse(text);
            assertEquals(text, Json.write(parsed), "round trip of " + text);
        }
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 5 : 7);
        switch (kind) {
            case 0:
                return random.nextLong();
            case 1:
                return random.nextDouble() * 1e6 - 5e5;
            case 2: {
                StringBuilder sb = new StringBuilder();
                int len = random.nextInt(8);
                for (int i = 0; i < len; i++) {
                    sb.append((char) random.nextInt(0x3000));
                }
                return sb.toString();
            }
            case 3:
                return random.nextBoolean();
            case 4:
                return null;
            case 5: {
                List<Object> list = new ArrayList<>();
                int len = random.nextInt(5);
                for (int i = 0; i < len; i++) {
                    list.add(randomValue(random, depth + 1));
                }
                return list;
            }
            default: {
                JsonObject o = new JsonObject();
                int len = random.nextInt(5);
                for (int i = 0; i < len; i++) {
                    o.put("k" + random.nextInt(100), randomValue(random, depth + 1));
                }
                return o;
            }
        }
    }
}
