package io.samsa.core.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Errors;
import io.samsa.common.MockTime;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.core.log.LogConfig;
import io.samsa.core.log.LogManager;
import io.samsa.core.log.LogManagerConfig;
import io.samsa.core.log.MockScheduler;
import io.samsa.record.CompressionType;
import io.samsa.record.MemoryRecords;
import io.samsa.record.MemoryRecordsBuilder;
import io.samsa.testkit.TempDirs;
import io.samsa.testkit.Wait;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failed log dir takes only its own partitions offline: they answer KAFKA_STORAGE_ERROR to
 * produce, fetch and LeaderAndIsr, while partitions on the other dir keep working, and no log for
 * an offline partition is created afresh elsewhere. After a restart the dir is loaded again.
 */
class LogDirFailureTest {

    private final MockTime time = new MockTime();
    private final MockScheduler scheduler = new MockScheduler(time);
    private List<File> dirs;
    private LogManager logs;
    private ReplicaManager replicas;
    private final List<File> offline = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        dirs = List.of(TempDirs.create("dir-a-").toFile(), TempDirs.create("dir-b-").toFile());
        start();
    }

    private void start() throws IOException {
        logs = new LogManager(LogManagerConfig.defaults(dirs), LogConfig.defaults(), topic -> null, time, scheduler);
        logs.startup();
        logs.addOfflineListener(offline::add);
        replicas = new ReplicaManager(1, logs, topic -> LogConfig.defaults(), time, scheduler);
    }

    @AfterEach
    void tearDown() throws Exception {
        replicas.shutdown();
        logs.shutdown();
    }

    private Map<TopicPartition, Errors> lead(TopicPartition tp, boolean isNew) {
        return replicas.becomeLeaderOrFollower(1, List.of(new PartitionState(tp, Uuid.ONE, 1, 1, 0, List.of(1), 0, List.of(1), isNew)),
                Map.of());
    }

    private Errors produce(TopicPartition tp) {
        MemoryRecordsBuilder b = MemoryRecords.builder(CompressionType.NONE, 0L);
        b.append(1L, null, new byte[10]);
        AtomicReference<Map<TopicPartition, AppendResult>> answer = new AtomicReference<>();
        replicas.appendRecords(Map.of(tp, b.build().buffer()), (short) 1, 1000, answer::set);
        return answer.get().get(tp).error();
    }

    private Errors fetch(TopicPartition tp) {
        AtomicReference<List<ReadResult>> answer = new AtomicReference<>();
        replicas.fetchMessages(new FetchParams(0, 1, 1 << 20), List.of(new PartitionFetch(tp, 0, 1 << 20, -1)), answer::set);
        return answer.get().get(0).error();
    }

    @Test
    void onlyThePartitionsOfTheFailedDirGoOffline() throws Exception {
        TopicPartition a = new TopicPartition("t", 0);
        TopicPartition b = new TopicPartition("t", 1);
        lead(a, true);
        lead(b, true);
        File dirOfA = replicas.partition(a).orElseThrow().log().parentDir();
        assertTrue(!dirOfA.equals(replicas.partition(b).orElseThrow().log().parentDir()), "one partition per dir");
        assertEquals(Errors.NONE, produce(a));

        logs.markOffline(dirOfA, new IOException("No space left on device"));
        Wait.until("partition " + a + " offline", () -> replicas.offlinePartitions().contains(a));
        assertEquals(List.of(dirOfA.getAbsoluteFile()), offline);
        assertEquals(Errors.KAFKA_STORAGE_ERROR, produce(a));
        assertEquals(Errors.KAFKA_STORAGE_ERROR, fetch(a));
        assertEquals(Errors.KAFKA_STORAGE_ERROR, lead(a, false).get(a), "a LeaderAndIsr tells the controller it is offline here");
        assertNull(logs.getLog(a));
        assertEquals(Errors.NONE, produce(b), "the other dir keeps serving");
        assertEquals(Errors.NONE, fetch(b));

        TopicPartition c = new TopicPartition("t", 2);
        assertEquals(Errors.KAFKA_STORAGE_ERROR, lead(c, false).get(c),
                "an existing replica whose log may be in the failed dir is not recreated empty");
        assertEquals(Errors.NONE, lead(new TopicPartition("u", 0), true).get(new TopicPartition("u", 0)), "new partitions go to the good dir");

        tearDown();
        start();
        assertEquals(Errors.NONE, lead(a, false).get(a), "after a restart the dir is back");
        assertEquals(1L, replicas.partition(a).orElseThrow().log().logEndOffset());
    }
}
