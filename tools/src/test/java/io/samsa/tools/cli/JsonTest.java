package io.samsa.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {

    @Test
    void printsOneIndentedDocumentThatReadsBack() throws Exception {
        ObjectNode doc = Json.object();
        doc.put("name", "t");
        doc.putNull("leader");
        doc.set("replicas", Json.numbers(List.of(1, 2, 3)));
        doc.set("names", Json.strings(List.of("a")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Json.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), doc);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\n  \"name\" : \"t\",\n"), text);
        assertTrue(text.endsWith("}\n"), text);
        JsonNode back = Json.parse(text);
        assertEquals(doc, back);
        assertTrue(back.get("leader").isNull(), "an absent value is null, not a missing field");
        assertEquals(3, back.get("replicas").get(2).asInt());
    }
}
