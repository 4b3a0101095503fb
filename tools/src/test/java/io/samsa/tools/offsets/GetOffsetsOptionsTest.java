package io.samsa.tools.offsets;

import io.samsa.clients.admin.OffsetSpec;
import io.samsa.tools.cli.UsageException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GetOffsetsOptionsTest {

    @Test
    void topicAndPartitions() throws UsageException {
        GetOffsetsOptions o = parse("--topic", "orders", "--partitions", "0,2");
        PartitionRule r = o.rules().get(0);
        assertTrue(r.allows("orders", 2));
        assertFalse(r.allows("orders", 1));
        assertFalse(r.allows("orders2", 0), "the regular expression matches whole names");
        assertEquals("orders", o.namedTopic());
        assertNull(parse("--topic", "ord.*").namedTopic(), "a pattern names no one topic");
        assertTrue(parse().rules().get(0).allows("anything", 99), "no filter: every partition");
        assertFalse(parse("--exclude-internal-topics").rules().isEmpty());
        assertTrue(parse("--exclude-internal-topics").excludeInternal());
    }

    @Test
    void topicPartitionRulesAreKafkas() throws UsageException {
        List<PartitionRule> rules = PartitionRule.parseAll("t1:1,t2:0-3,t3,t4:5-,:-2");
        assertTrue(rules.get(0).allows("t1", 1));
        assertFalse(rules.get(0).allows("t1", 0));
        assertTrue(rules.get(1).allows("t2", 2));
        assertFalse(rules.get(1).allows("t2", 3), "upper bound excluded");
        assertTrue(rules.get(2).allows("t3", 7));
        assertTrue(rules.get(3).allows("t4", 500));
        assertFalse(rules.get(3).allows("t4", 4));
        assertTrue(rules.get(4).allows("any", 1));
        assertFalse(rules.get(4).allows("any", 2));
        assertTrue(fails("--topic-partitions", "t:x").startsWith("--topic-partitions: invalid rule 't:x'"));
        assertEquals("--topic-partitions cannot be used with --topic or --partitions",
                fails("--topic-partitions", "t:1", "--topic", "t"));
        assertEquals("--partitions takes partition ids separated by commas, not '1,a'", fails("--partitions", "1,a"));
        assertEquals("--topic 'a[' is not a valid regular expression: Unclosed character class", fails("--topic", "a["));
    }

    @Test
    void timeIsANameOrANumber() throws UsageException {
        assertInstanceOf(OffsetSpec.LatestSpec.class, parse().spec(), "latest by default");
        assertInstanceOf(OffsetSpec.EarliestSpec.class, parse("--time", "earliest").spec());
        assertInstanceOf(OffsetSpec.EarliestSpec.class, parse("--time", "-2").spec());
        assertInstanceOf(OffsetSpec.MaxTimestampSpec.class, parse("--time", "max-timestamp").spec());
        assertInstanceOf(OffsetSpec.MaxTimestampSpec.class, parse("--time", "-3").spec());
        OffsetSpec at = parse("--time", "1700000000000").spec();
        assertEquals(1_700_000_000_000L, ((OffsetSpec.TimestampSpec) at).timestamp());
        assertEquals("--time must be latest, earliest, max-timestamp, earliest-local, latest-tiered or a timestamp in ms, "
                + "not 'lates'; did you mean 'latest'?", fails("--time", "lates"));
        assertInstanceOf(OffsetSpec.LatestSpec.class, parse("--time", "-1").spec());
        assertInstanceOf(OffsetSpec.EarliestLocalSpec.class, parse("--time", "-4").spec());
        assertInstanceOf(OffsetSpec.EarliestLocalSpec.class, parse("--time", "earliest-local").spec());
        assertInstanceOf(OffsetSpec.LatestTieredSpec.class, parse("--time", "-5").spec());
        assertInstanceOf(OffsetSpec.LatestTieredSpec.class, parse("--time", "latest-tiered").spec());
        assertEquals("--time -9 is neither a timestamp nor one of -1 to -5", fails("--time", "-9"));
    }

    @Test
    void theBootstrapServerIsRequired() {
        assertEquals("missing required option --bootstrap-server",
                assertThrows(UsageException.class, () -> GetOffsetsOptions.parse("--topic", "t")).getMessage());
        assertNull(assertDoesNotThrow("--help"));
        assertEquals("old:9092", assertDoesNotThrow("--broker-list", "old:9092").common().bootstrapServer(),
                "Kafka's deprecated spelling");
        assertEquals("new:9092", assertDoesNotThrow("--broker-list", "old:9092", "--bootstrap-server", "new:9092")
                .common().bootstrapServer(), "--broker-list is ignored when --bootstrap-server is given");
        assertEquals("--bootstrap-server needs at least one host:port",
                assertThrows(UsageException.class, () -> GetOffsetsOptions.parse("--broker-list", " ")).getMessage());
    }

    private static GetOffsetsOptions assertDoesNotThrow(String... args) {
        try {
            return GetOffsetsOptions.parse(args);
        } catch (UsageException e) {
            throw new AssertionError(e);
        }
    }

    private static GetOffsetsOptions parse(String... args) throws UsageException {
        String[] all = new String[args.length + 2];
        all[0] = "--bootstrap-server";
        all[1] = "h:1";
        System.arraycopy(args, 0, all, 2, args.length);
        return GetOffsetsOptions.parse(all);
    }

    private static String fails(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }
}
