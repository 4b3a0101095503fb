package io.samsa.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Collection;

/**
 * The tools' {@code --output json}: documents built as Jackson trees and printed as one indented
 * JSON document followed by a newline. Field names are camelCase and stay as they are once
 * published, since scripts read them; an absent value is {@code null}, never a missing field.
 * Thread-safe.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** An array of the numbers, in order. */
    public static ArrayNode numbers(Collection<Integer> values) {
        ArrayNode a = array();
        values.forEach(a::add);
        return a;
    }

    /** An array of the strings, in order. */
    public static ArrayNode strings(Collection<String> values) {
        ArrayNode a = array();
        values.forEach(a::add);
        return a;
    }

    /** Prints {@code document} and a newline. */
    public static void print(PrintStream out, JsonNode document) {
        try {
            out.println(MAPPER.writeValueAsString(document));
        } catch (IOException e) {
            // A tree of plain nodes always serializes; this is only the signature.
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** Parses a document, for tests of what a tool printed. */
    public static JsonNode parse(String text) throws IOException {
        return MAPPER.readTree(text);
    }
}
