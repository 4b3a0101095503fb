package io.samsa.tools.cli;

import io.samsa.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartitionsFileTest {

    private static final PartitionsFile.EntryReader<TopicPartition> PARTITION = (p, entry, invalid) -> p;

    @Test
    void readsKafkasFormat(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.json");
        Files.writeString(file, "{\"partitions\": [{\"topic\": \"a\", \"partition\": 1}, {\"topic\": \"b\", \"partition\": 0}],"
                + " \"version\": 1}");
        assertEquals(List.of(new TopicPartition("a", 1), new TopicPartition("b", 0)), PartitionsFile.read(file, "--f", PARTITION));
        assertEquals(List.of(), PartitionsFile.parse("{\"partitions\": []}", "f", PARTITION), "the version is optional");
    }

    @Test
    void aBadFileFailsInOneLineNamingWhere(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");
        assertEquals("--f " + missing + ": no such file", fails(() -> PartitionsFile.read(missing, "--f", PARTITION)));
        String notJson = fails(() -> PartitionsFile.parse("x", "f", PARTITION));
        assertTrue(notJson.startsWith("f: not valid JSON: ") && !notJson.contains("\n"), notJson);
        assertEquals("f: missing the \"partitions\" array", fails(() -> PartitionsFile.parse("{}", "f", PARTITION)));
        assertEquals("f: unsupported version 2 (1 is the only one)",
                fails(() -> PartitionsFile.parse("{\"version\": 2, \"partitions\": []}", "f", PARTITION)));
        assertEquals("f: partitions[0] needs a \"partition\" number",
                fails(() -> PartitionsFile.parse("{\"partitions\": [{\"topic\": \"a\"}]}", "f", PARTITION)));
        assertEquals("f: partitions[1] needs a \"topic\" name", fails(() -> PartitionsFile.parse(
                "{\"partitions\": [{\"topic\": \"a\", \"partition\": 0}, {\"partition\": 0}]}", "f", PARTITION)));
        assertEquals("f: partition a-0 is listed twice", fails(() -> PartitionsFile.parse(
                "{\"partitions\": [{\"topic\": \"a\", \"partition\": 0}, {\"topic\": \"a\", \"partition\": 0}]}", "f", PARTITION)));
    }

    private static String fails(Runnable r) {
        return assertThrows(ToolFailure.class, r::run).getMessage();
    }
}
