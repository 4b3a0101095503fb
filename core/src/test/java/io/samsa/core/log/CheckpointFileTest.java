package io.samsa.core.log;

import io.samsa.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointFileTest {

    @TempDir
    Path tmp;

    @Test
    void offsetCheckpointRoundTripsInKafkasFormat() throws IOException {
        File file = new File(tmp.toFile(), LogFileNames.RECOVERY_POINT_CHECKPOINT);
        OffsetCheckpointFile checkpoint = new OffsetCheckpointFile(file);
        assertTrue(checkpoint.read().isEmpty());
        Map<TopicPartition, Long> offsets = Map.of(new TopicPartition("orders", 1), 42L,
                new TopicPartition("orders", 0), 7L, new TopicPartition("a-b.c_d", 12), 0L);
        checkpoint.write(offsets);
        assertEquals("0\n3\na-b.c_d 12 0\norders 0 7\norders 1 42\n", Files.readString(file.toPath()));
        assertEquals(offsets, checkpoint.read());
        assertFalse(new File(file.getPath() + ".tmp").exists());

        checkpoint.write(Map.of());
        assertEquals("0\n0\n", Files.readString(file.toPath()));
    }

    @Test
    void readsWhatKafkaWrites() throws IOException {
        File file = new File(tmp.toFile(), LogFileNames.REPLICATION_OFFSET_CHECKPOINT);
        Files.writeString(file.toPath(), "0\n2\n__consumer_offsets 17 1234\nfoo 0 5\n", StandardCharsets.UTF_8);
        assertEquals(Map.of(new TopicPartition("__consumer_offsets", 17), 1234L, new TopicPartition("foo", 0), 5L),
                new OffsetCheckpointFile(file).read());
    }

    @Test
    void malformedFilesAreReportedWithTheirName() throws IOException {
        File file = new File(tmp.toFile(), LogFileNames.LOG_START_OFFSET_CHECKPOINT);
        OffsetCheckpointFile checkpoint = new OffsetCheckpointFile(file);
        for (String bad : List.of("1\n0\n", "0\n2\nfoo 0 5\n", "0\n1\nfoo zero 5\n", "")) {
            Files.writeString(file.toPath(), bad);
            IOException e = assertThrows(IOException.class, checkpoint::read, bad);
            assertTrue(e.getMessage().contains(file.getName()), e.getMessage());
        }
    }

    @Test
    void leaderEpochCheckpointRoundTrips() throws IOException {
        File file = new File(tmp.toFile(), LogFileNames.LEADER_EPOCH_CHECKPOINT);
        LeaderEpochCheckpointFile checkpoint = new LeaderEpochCheckpointFile(file);
        List<EpochEntry> entries = List.of(new EpochEntry(0, 0), new EpochEntry(3, 150), new EpochEntry(4, 900));
        checkpoint.write(entries);
        assertEquals("0\n3\n0 0\n3 150\n4 900\n", Files.readString(file.toPath()));
        assertEquals(entries, checkpoint.read());
    }
}
