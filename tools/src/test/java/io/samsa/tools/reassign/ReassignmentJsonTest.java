package io.samsa.tools.reassign;

import io.samsa.common.TopicPartition;
import io.samsa.tools.cli.ToolFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReassignmentJsonTest {

    @TempDir
    Path dir;

    @Test
    void readsKafkasReassignmentFormat() throws IOException {
        List<ReassignmentJson.Target> targets = ReassignmentJson.readReassignment(file("{\"version\":1,\"partitions\":["
                + "{\"topic\":\"foo\",\"partition\":1,\"replicas\":[1,2,3],\"log_dirs\":[\"any\",\"any\",\"any\"]},"
                + "{\"topic\":\"bar\",\"partition\":0,\"replicas\":[3]}]}"), "--reassignment-json-file");
        assertEquals(2, targets.size());
        assertEquals(new TopicPartition("foo", 1), targets.get(0).partition());
        assertEquals(List.of(1, 2, 3), targets.get(0).replicas());
        assertFalse(targets.get(0).movesLogDirs());
        assertEquals(List.of("any"), targets.get(1).logDirs(), "log_dirs default to any");
        assertTrue(ReassignmentJson.readReassignment(file("{\"partitions\":[{\"topic\":\"a\",\"partition\":0,"
                + "\"replicas\":[1],\"log_dirs\":[\"/data\"]}]}"), "--f").get(0).movesLogDirs(), "version defaults to 1");
    }

    @Test
    void writesWhatKafkaWrites() {
        Map<TopicPartition, List<Integer>> m = new LinkedHashMap<>();
        m.put(new TopicPartition("foo", 1), List.of(2, 1));
        m.put(new TopicPartition("bar", 0), List.of(0));
        m.put(new TopicPartition("foo", 0), List.of(1, 2));
        assertEquals("{\"version\":1,\"partitions\":[{\"topic\":\"bar\",\"partition\":0,\"replicas\":[0],\"log_dirs\":[\"any\"]},"
                + "{\"topic\":\"foo\",\"partition\":0,\"replicas\":[1,2],\"log_dirs\":[\"any\",\"any\"]},"
                + "{\"topic\":\"foo\",\"partition\":1,\"replicas\":[2,1],\"log_dirs\":[\"any\",\"any\"]}]}",
                ReassignmentJson.format(m));
    }

    @Test
    void readsTheTopicsToMove() throws IOException {
        assertEquals(List.of("foo", "bar"), ReassignmentJson.readTopics(file("{\"topics\":[{\"topic\":\"foo\"},{\"topic\":\"bar\"}],"
                + "\"version\":1}"), "--topics-to-move-json-file"));
        Path twice = file("{\"topics\":[{\"topic\":\"foo\"},{\"topic\":\"foo\"}]}");
        assertEquals("--t " + twice + ": the list of topics to move names foo twice", fails(() -> ReassignmentJson.readTopics(twice, "--t")));
    }

    @Test
    void everythingWrongIsOneLineNamingTheFileAndThePlace() throws IOException {
        Path broken = file("{\"version\":1,\n\"partitions\":[{\"topic\":\"foo\" \"partition\":1}]}");
        String message = fails(() -> ReassignmentJson.readReassignment(broken, "--reassignment-json-file"));
        assertTrue(message.startsWith("--reassignment-json-file " + broken + ": not valid JSON (line 2, column "), message);
        assertFalse(message.contains("\n"), message);

        assertEquals(where("x") + ": no \"partitions\" array", read("{\"version\":1}"));
        assertEquals(where("x") + ": the partition reassignment list is empty", read("{\"partitions\":[]}"));
        assertEquals(where("x") + ": unsupported \"version\" 2 (only 1 exists)", read("{\"version\":2,\"partitions\":[]}"));
        assertEquals(where("x") + ": partitions[0] (foo) has no \"partition\" number",
                read("{\"partitions\":[{\"topic\":\"foo\",\"partition\":\"1\",\"replicas\":[1]}]}"));
        assertEquals(where("x") + ": partitions[0] (foo-1) has an empty replica list",
                read("{\"partitions\":[{\"topic\":\"foo\",\"partition\":1,\"replicas\":[]}]}"));
        assertEquals(where("x") + ": partitions[0] (foo-1) has a replica that is not a broker id: \"a\"",
                read("{\"partitions\":[{\"topic\":\"foo\",\"partition\":1,\"replicas\":[\"a\"]}]}"));
        assertEquals(where("x") + ": the replicas of foo-1 name a broker twice: [1, 1]",
                read("{\"partitions\":[{\"topic\":\"foo\",\"partition\":1,\"replicas\":[1,1]}]}"));
        assertEquals(where("x") + ": the reassignment names foo-1 twice", read("{\"partitions\":["
                + "{\"topic\":\"foo\",\"partition\":1,\"replicas\":[1]},{\"topic\":\"foo\",\"partition\":1,\"replicas\":[2]}]}"));
        assertEquals(where("x") + ": partitions[0] (foo-1) has 2 replicas but 1 log_dirs",
                read("{\"partitions\":[{\"topic\":\"foo\",\"partition\":1,\"replicas\":[1,2],\"log_dirs\":[\"any\"]}]}"));
        assertEquals(where("x") + ": empty, not JSON", read(""));
        Path missing = dir.resolve("missing.json");
        assertEquals("--f " + missing + ": no such file", fails(() -> ReassignmentJson.readReassignment(missing, "--f")));
    }

    private String read(String json) throws IOException {
        Path f = dir.resolve("x");
        Files.writeString(f, json);
        return fails(() -> ReassignmentJson.readReassignment(f, "--f"));
    }

    private String where(String name) {
        return "--f " + dir.resolve(name);
    }

    private Path file(String json) throws IOException {
        Path f = Files.createTempFile(dir, "r", ".json");
        Files.writeString(f, json);
        return f;
    }

    private static String fails(Runnable r) {
        return assertThrows(ToolFailure.class, r::run).getMessage();
    }
}
