package io.samsa.tools.records;

import io.samsa.common.TopicPartition;
import io.samsa.tools.cli.ToolFailure;
import io.samsa.tools.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecordsToTrimTest {

    @Test
    void readsTheOffsetOfEachPartition(@TempDir Path dir) throws IOException {
        Path file = write(dir, "{\"partitions\": [{\"topic\": \"foo\", \"partition\": 1, \"offset\": 7},"
                + " {\"topic\": \"foo\", \"partition\": 0, \"offset\": -1}], \"version\": 1}");
        assertEquals(List.of(new RecordsToTrim(new TopicPartition("foo", 1), 7), new RecordsToTrim(new TopicPartition("foo", 0), -1)),
                RecordsToTrim.read(file));
    }

    @Test
    void anEntryWithoutAValidOffsetIsNamed(@TempDir Path dir) throws IOException {
        Path file = write(dir, "{\"partitions\": [{\"topic\": \"foo\", \"partition\": 1}]}");
        assertEquals("--offset-json-file " + file + ": partitions[0] (foo-1) needs an \"offset\" number",
                assertThrows(ToolFailure.class, () -> RecordsToTrim.read(file)).getMessage());
        Path negative = write(dir, "{\"partitions\": [{\"topic\": \"foo\", \"partition\": 1, \"offset\": -2}]}");
        assertEquals("--offset-json-file " + negative + ": partitions[0] (foo-1) has offset -2; an offset is at least 0, "
                + "or -1 for the high watermark", assertThrows(ToolFailure.class, () -> RecordsToTrim.read(negative)).getMessage());
    }

    @Test
    void theFileIsRequired() throws UsageException {
        assertEquals("missing required option --offset-json-file", assertThrows(UsageException.class,
                () -> DeleteRecordsOptions.parse("--bootstrap-server", "h:1")).getMessage());
        assertEquals(Path.of("f.json"), DeleteRecordsOptions.parse("--bootstrap-server", "h:1", "--offset-json-file", "f.json")
                .offsetJsonFile());
        assertEquals("unknown option --output", assertThrows(UsageException.class,
                () -> DeleteRecordsOptions.parse("--bootstrap-server", "h:1", "--output", "json")).getMessage(),
                "it lists nothing, so it prints no JSON");
    }

    private static Path write(Path dir, String text) throws IOException {
        Path file = Files.createTempFile(dir, "offsets", ".json");
        Files.writeString(file, text);
        return file;
    }
}
