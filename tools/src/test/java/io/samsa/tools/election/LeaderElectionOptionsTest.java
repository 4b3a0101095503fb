package io.samsa.tools.election;

import io.samsa.common.ElectionType;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.ElectionNotNeededException;
import io.samsa.common.errors.PreferredLeaderNotAvailableException;
import io.samsa.tools.cli.UsageException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeaderElectionOptionsTest {

    @Test
    void readsEachScope() throws UsageException {
        LeaderElectionOptions one = parse("--election-type", "PREFERRED", "--topic", "t", "--partition", "2");
        assertEquals(ElectionType.PREFERRED, one.electionType());
        assertEquals("t", one.topic());
        assertEquals(2, one.partition());
        assertTrue(parse("--election-type", "unclean", "--all-topic-partitions").allPartitions());
        assertEquals(Path.of("p.json"), parse("--election-type", "preferred", "--path-to-json-file", "p.json").jsonFile());
        assertEquals(Path.of("a.properties"), parse("--election-type", "preferred", "--all-topic-partitions",
                "--admin.config", "a.properties").common().commandConfig(), "Kafka's name for --command-config");
    }

    @Test
    void badCommandLines() {
        assertEquals("missing required option --election-type", fails("--all-topic-partitions"));
        assertEquals("--election-type must be preferred or unclean, not 'prefered'; did you mean 'preferred'?",
                fails("--election-type", "prefered", "--all-topic-partitions"));
        assertEquals("give one of --topic (with --partition), --all-topic-partitions and --path-to-json-file",
                fails("--election-type", "preferred"));
        assertEquals("give one of --topic (with --partition), --all-topic-partitions and --path-to-json-file",
                fails("--election-type", "preferred", "--topic", "t", "--partition", "0", "--all-topic-partitions"));
        assertEquals("missing required option --partition", fails("--election-type", "preferred", "--topic", "t"));
        assertEquals("--partition goes with --topic only", fails("--election-type", "preferred", "--all-topic-partitions",
                "--partition", "1"));
        assertEquals("give --command-config or --admin.config, not both", fails("--election-type", "preferred",
                "--all-topic-partitions", "--admin.config", "a", "--command-config", "b"));
    }

    @Test
    void resultsAreKafkasLines() {
        TopicPartition a0 = new TopicPartition("a", 0);
        TopicPartition a1 = new TopicPartition("a", 1);
        TopicPartition a10 = new TopicPartition("a", 10);
        TopicPartition b0 = new TopicPartition("b", 0);
        ElectionResults r = ElectionResults.of(ElectionType.PREFERRED, Map.of(a10, Optional.empty(), a1, Optional.empty(),
                a0, Optional.of(new ElectionNotNeededException("Leader election not needed for topic partition")),
                b0, Optional.of(new PreferredLeaderNotAvailableException("not in sync"))));
        assertEquals(List.of("Successfully completed leader election (PREFERRED) for partitions a-1, a-10",
                "Valid replica already elected for partitions a-0"), r.lines());
        assertEquals("Error completing leader election (PREFERRED) for partition: b-0: not in sync",
                r.failureLine(b0, "not in sync"));
        assertEquals(List.of(b0), List.copyOf(r.failed().keySet()));
        assertNull(assertDoesNotFail("--help"));
    }

    private static LeaderElectionOptions assertDoesNotFail(String... args) {
        try {
            return LeaderElectionOptions.parse(args);
        } catch (UsageException e) {
            throw new AssertionError(e);
        }
    }

    private static LeaderElectionOptions parse(String... args) throws UsageException {
        String[] all = new String[args.length + 2];
        all[0] = "--bootstrap-server";
        all[1] = "h:1";
        System.arraycopy(args, 0, all, 2, args.length);
        return LeaderElectionOptions.parse(all);
    }

    private static String fails(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }
}
