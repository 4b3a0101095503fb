package io.samsa.tools.topics;

import io.samsa.common.Uuid;
import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.UsageException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicCommandOptionsTest {

    private static final String BOOT = "--bootstrap-server";

    @Test
    void readsACreateWithEveryOption() throws UsageException {
        TopicCommandOptions o = parse("--create", "--topic", "orders", "--partitions", "6", "--replication-factor", "3",
                "--config", "retention.ms=1000", "--config", "cleanup.policy = compact", "--if-not-exists",
                "--timeout", "2000");
        assertEquals(TopicAction.CREATE, o.action());
        assertEquals("orders", o.topic());
        assertNull(o.topicFilter(), "--create names one topic, not a pattern");
        assertEquals(6, o.partitions());
        assertEquals(3, o.replicationFactor());
        assertEquals(Map.of("retention.ms", "1000", "cleanup.policy", "compact"), o.configs());
        assertEquals(List.of("retention.ms", "cleanup.policy"), List.copyOf(o.configs().keySet()), "in command-line order");
        assertTrue(o.ifNotExists());
        assertEquals(2000, o.common().timeoutMs());
    }

    @Test
    void readsAReplicaAssignment() throws UsageException {
        TopicCommandOptions o = parse("--create", "--topic", "t", "--replica-assignment", "1:2, 2:3,3:1");
        assertEquals(Map.of(0, List.of(1, 2), 1, List.of(2, 3), 2, List.of(3, 1)), o.replicaAssignment());
        assertEquals("--replica-assignment: partition 1 has 1 replicas but partition 0 has 2",
                fails("--create", "--topic", "t", "--replica-assignment", "1:2,3"));
        assertEquals("--replica-assignment: partition 0 lists broker 1 twice",
                fails("--create", "--topic", "t", "--replica-assignment", "1:1"));
        assertEquals("--replica-assignment: 'x' in partition 0 is not a broker id",
                fails("--create", "--topic", "t", "--replica-assignment", "x:1"));
        assertEquals("--replica-assignment gives the partitions and their replicas, so it cannot go with --partitions "
                + "or --replication-factor", fails("--create", "--topic", "t", "--replica-assignment", "1", "--partitions", "1"));
    }

    @Test
    void readsADescribeWithFiltersAndJson() throws UsageException {
        TopicCommandOptions o = parse("--describe", "--topic", "ord.*", "--under-replicated-partitions",
                "--unavailable-partitions", "--exclude-internal", "--output", "json");
        assertEquals(TopicAction.DESCRIBE, o.action());
        assertTrue(o.topicFilter().matches("orders"));
        assertFalse(o.topicFilter().matches("xorders"));
        assertEquals(Set.of(PartitionFilter.UNDER_REPLICATED, PartitionFilter.UNAVAILABLE), o.partitionFilters());
        assertTrue(o.excludeInternal());
        assertEquals(OutputFormat.JSON, o.common().output());
    }

    @Test
    void exactlyOneActionIsNeeded() {
        assertEquals("give exactly one action: --list, --describe, --create, --alter or --delete", fails());
        assertEquals("give exactly one action: --list, --describe, --create, --alter or --delete (not --list and --delete)",
                fails("--list", "--delete", "--topic", "t"));
    }

    @Test
    void missingRequiredOptionsAreNamed() {
        assertEquals("missing required option --bootstrap-server", assertThrows(UsageException.class,
                () -> TopicCommandOptions.parse("--list")).getMessage());
        assertEquals("missing required option --topic", fails("--create", "--partitions", "1"));
        assertEquals("missing required option --topic", fails("--delete"));
        assertEquals("missing required option --partitions", fails("--alter", "--topic", "t"));
        assertEquals("--describe --if-exists needs --topic or --topic-id", fails("--describe", "--if-exists"));
    }

    @Test
    void optionsThatDoNotGoWithTheActionAreRefused() {
        assertEquals("--replication-factor goes with --create only", fails("--alter", "--topic", "t", "--partitions", "2",
                "--replication-factor", "2"));
        assertEquals("--config goes with --create only", fails("--describe", "--config", "retention.ms=1"));
        assertEquals("--if-not-exists goes with --create only", fails("--delete", "--topic", "t", "--if-not-exists"));
        assertEquals("--exclude-internal goes with --list or --describe only", fails("--delete", "--topic", "t",
                "--exclude-internal"));
        assertEquals("--under-min-isr-partitions goes with --describe only", fails("--list", "--under-min-isr-partitions"));
        assertEquals("--topics-with-overrides shows no partitions, so it cannot go with --at-min-isr-partitions",
                fails("--describe", "--topics-with-overrides", "--at-min-isr-partitions"));
        assertEquals("--output json goes with --list and --describe only", fails("--delete", "--topic", "t", "--output", "json"));
    }

    @Test
    void numbersOutOfRangeAreUsageErrors() {
        assertEquals("--partitions must be at least 1, not 0", fails("--create", "--topic", "t", "--partitions", "0"));
        assertEquals("--replication-factor must be between 1 and 32767, not 40000",
                fails("--create", "--topic", "t", "--replication-factor", "40000"));
        assertEquals("--partitions takes a number, not 'six'", fails("--create", "--topic", "t", "--partitions", "six"));
    }

    @Test
    void aMisspeltConfigKeyGetsASuggestion() {
        assertEquals("unknown topic config 'retension.ms'; did you mean 'retention.ms'?",
                fails("--create", "--topic", "t", "--config", "retension.ms=1000"));
        assertEquals("unknown topic config 'log.retention.hours'", fails("--create", "--topic", "t", "--config",
                "log.retention.hours=1"));
        assertEquals("--config takes name=value, not 'retention.ms'", fails("--create", "--topic", "t", "--config",
                "retention.ms"));
    }

    @Test
    void aTopicIdIsReadForDescribeOnly() throws UsageException {
        Uuid id = Uuid.randomUuid();
        TopicCommandOptions o = parse("--describe", "--topic-id", id.toString(), "--if-exists");
        assertEquals(id, o.topicId());
        assertNull(parse("--describe", "--topic-id", Uuid.ZERO.toString(), "--topic", "t").topicId(),
                "the zero id means --topic, as in Kafka's tool");
        assertEquals("--topic-id 'abc' is not a topic id (22 characters of URL-safe base64, as --describe prints it)",
                fails("--describe", "--topic-id", "abc"));
        assertEquals("--topic-id goes with --describe only", fails("--delete", "--topic", "t", "--topic-id", id.toString()));
    }

    @Test
    void deleteConfigIsRefusedAsByKafka39() {
        assertEquals("--delete-config cannot go with --bootstrap-server (nor can it in Kafka 3.9); remove a topic's config "
                + "override with samsa-configs.sh --alter --entity-type topics --entity-name TOPIC --delete-config retention.ms",
                fails("--alter", "--topic", "t", "--delete-config", "retention.ms"));
    }

    @Test
    void partitionSizeLimitIsAcceptedWithDescribe() throws UsageException {
        assertEquals(TopicAction.DESCRIBE, parse("--describe", "--partition-size-limit-per-response", "10").action());
        assertEquals("--partition-size-limit-per-response must be at least 1, not 0",
                fails("--describe", "--partition-size-limit-per-response", "0"));
        assertEquals("--partition-size-limit-per-response goes with --describe only",
                fails("--list", "--partition-size-limit-per-response", "5"));
    }

    @Test
    void zookeeperIsRefused() {
        assertEquals("--zookeeper is not supported: Samsa's tools talk to the brokers, as Kafka's have since 3.0 "
                + "(kafka-configs kept it only for SCRAM credentials); give --bootstrap-server HOST:PORT instead",
                assertThrows(UsageException.class, () -> TopicCommandOptions.parse("--list", "--zookeeper", "zk:2181"))
                        .getMessage());
    }

    @Test
    void aMisspeltOptionGetsASuggestion() {
        assertEquals("unknown option --partitons; did you mean --partitions?",
                fails("--create", "--topic", "t", "--partitons", "3"));
    }

    @Test
    void anInvalidTopicPatternIsAUsageError() {
        assertEquals("--topic 'a[' is not a valid regular expression: Unclosed character class", fails("--describe", "--topic", "a["));
    }

    @Test
    void helpNeedsNothingElse() throws UsageException {
        assertNull(TopicCommandOptions.parse("--help"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TopicCommandOptions.printUsage(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String usage = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("samsa-topics: creates, lists, describes"), usage);
        for (String flag : List.of("--bootstrap-server", "--command-config", "--timeout", "--output", "--verbose",
                "--replica-assignment", "--topics-with-overrides", "--unavailable-partitions", "--topic-id",
                "--partition-size-limit-per-response")) {
            assertTrue(usage.contains(flag), flag);
        }
    }

    private static TopicCommandOptions parse(String... args) throws UsageException {
        String[] all = new String[args.length + 2];
        all[0] = BOOT;
        all[1] = "h:1";
        System.arraycopy(args, 0, all, 2, args.length);
        return TopicCommandOptions.parse(all);
    }

    private static String fails(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }
}
