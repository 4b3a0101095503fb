package io.samsa.tools.configs;

import io.samsa.tools.cli.UsageException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigCommandOptionsTest {

    @Test
    void readsAnAlterOfATopic() throws UsageException {
        ConfigCommandOptions o = parse("--alter", "--entity-type", "topics", "--entity-name", "orders",
                "--add-config", "retention.ms=1000,cleanup.policy=[compact,delete]", "--delete-config", "segment.ms,flush.ms");
        assertTrue(o.alter());
        assertEquals(EntityType.TOPICS, o.entityType());
        assertEquals("orders", o.entityName());
        assertEquals(Map.of("retention.ms", "1000", "cleanup.policy", "compact,delete"), o.addConfigs());
        assertEquals(List.of("segment.ms", "flush.ms"), o.deleteConfigs());
    }

    @Test
    void readsDescribesOfBrokers() throws UsageException {
        ConfigCommandOptions o = parse("--describe", "--entity-type", "brokers", "--all");
        assertFalse(o.alter());
        assertNull(o.entityName(), "every broker");
        assertTrue(o.all());
        assertEquals("", parse("--describe", "--entity-type", "brokers", "--entity-default").entityName());
        assertEquals("", parse("--describe", "--broker-defaults").entityName());
        assertEquals("2", parse("--describe", "--broker", "2").entityName());
        ConfigCommandOptions t = parse("--describe", "--topic", "orders");
        assertEquals(EntityType.TOPICS, t.entityType());
        assertEquals("orders", t.entityName());
    }

    @Test
    void aMisspeltTopicKeyGetsASuggestion() {
        assertEquals("unknown topic config 'retension.ms'; did you mean 'retention.ms'?",
                fails("--alter", "--topic", "t", "--add-config", "retension.ms=1"));
        assertEquals("unknown topic config 'clean.policy'; did you mean 'cleanup.policy'?",
                fails("--alter", "--topic", "t", "--delete-config", "clean.policy"));
    }

    @Test
    void entityTypesAndNames() {
        assertEquals("--entity-type must be one of topics, brokers, broker-loggers, users, clients, ips, client-metrics, "
                + "not 'topic'; did you mean 'topics'?", fails("--describe", "--entity-type", "topic"));
        assertEquals("missing required option --entity-type", fails("--describe", "--entity-name", "t"));
        assertEquals("a broker is named by its id, a number, not 'b1'", fails("--describe", "--entity-type", "brokers",
                "--entity-name", "b1"));
        assertEquals("--entity-default goes with --entity-type brokers, users, clients or ips only", fails("--describe",
                "--entity-type", "topics", "--entity-default"));
        assertEquals("--entity-type, --entity-name and --entity-default do not go with the shortcuts (--topic, --broker, "
                + "--broker-defaults, --broker-logger, --user, --client, --ip, ...)",
                fails("--describe", "--topic", "t", "--entity-type", "topics"));
        assertEquals("an entity type is given twice", fails("--describe", "--entity-type", "topics", "--entity-type", "topics"));
        assertEquals("only users and clients may be given together, not topics and brokers", fails("--describe",
                "--entity-type", "topics", "--entity-type", "brokers"));
    }

    @Test
    void brokerLoggersAreNamedByABrokerId() throws UsageException {
        ConfigCommandOptions o = parse("--describe", "--entity-type", "broker-loggers", "--entity-name", "1");
        assertEquals(EntityType.BROKER_LOGGERS, o.entityType());
        assertEquals("1", o.entityName());
        assertEquals("2", parse("--alter", "--broker-logger", "2", "--add-config", "kafka.server=DEBUG").entityName());
        assertEquals("--describe of broker-loggers needs --entity-name ID (a broker's id)",
                fails("--describe", "--entity-type", "broker-loggers"));
        assertEquals("--alter of broker-loggers needs --entity-name ID", fails("--alter", "--entity-type", "broker-loggers",
                "--add-config", "root=INFO"));
        assertEquals("a broker is named by its id, a number, not 'x'", fails("--describe", "--broker-logger", "x"));
    }

    @Test
    void quotaEntitiesAreReadAsKafkasToolReadsThem() throws UsageException {
        assertEquals(EntityType.USERS, parse("--describe", "--entity-type", "users").entityType());
        assertEquals("", parse("--alter", "--user-defaults", "--add-config", "producer_byte_rate=1024").entityName());
        assertEquals("alice", parse("--alter", "--user", "alice", "--client", "c1", "--add-config", "request_percentage=5")
                .entityName());
        assertEquals(EntityType.IPS, parse("--describe", "--ip", "10.0.0.1").entityType());
        assertEquals(EntityType.CLIENTS, parse("--describe", "--client-defaults").entityType());
        assertEquals(EntityType.CLIENT_METRICS, parse("--describe", "--entity-type", "client-metrics").entityType());
    }

    @Test
    void forceIsAcceptedAndTheBootstrapControllerRefused() throws UsageException {
        assertEquals("t", parse("--alter", "--topic", "t", "--add-config", "retention.ms=1", "--force").entityName());
        assertEquals("--bootstrap-controller is for KRaft controllers; a ZooKeeper-mode cluster, Samsa's or Kafka's, is "
                + "reached with --bootstrap-server HOST:PORT", fails("--describe", "--topic", "t", "--bootstrap-controller",
                "c:9093"));
    }

    @Test
    void alterNeedsAnEntityAndAChange() {
        assertEquals("--alter of topics needs --entity-name TOPIC", fails("--alter", "--entity-type", "topics",
                "--add-config", "retention.ms=1"));
        assertEquals("--alter of brokers needs --entity-name ID or --entity-default", fails("--alter", "--entity-type",
                "brokers", "--add-config", "log.cleaner.threads=2"));
        assertEquals("--alter needs --add-config, --add-config-file or --delete-config", fails("--alter", "--topic", "t"));
        assertEquals("'retention.ms' is both added and deleted", fails("--alter", "--topic", "t", "--add-config",
                "retention.ms=1", "--delete-config", "retention.ms"));
        assertEquals("--add-config goes with --alter only", fails("--describe", "--topic", "t", "--add-config", "a=b"));
        assertEquals("--all goes with --describe only", fails("--alter", "--topic", "t", "--add-config", "retention.ms=1",
                "--all"));
        assertEquals("give exactly one action: --describe or --alter", fails("--topic", "t"));
        assertEquals("--output json goes with --describe only", fails("--alter", "--topic", "t", "--add-config",
                "retention.ms=1", "--output", "json"));
        assertEquals(Path.of("x.properties"), assertDoesNotFail("--alter", "--broker", "1", "--add-config-file", "x.properties")
                .addConfigFile());
    }

    @Test
    void addConfigKeepsBracketedCommasAndEmptyValues() throws UsageException {
        assertEquals(Map.of("a", "x,y", "b", "", "c", "1"), AddConfigs.parse("a=[x,y], b=,c = 1"));
        assertEquals(List.of("a", "b", "c"), List.copyOf(AddConfigs.parse("a=[x,y], b=,c = 1").keySet()));
        assertEquals("--add-config takes key=value pairs separated by commas (a list value in brackets: k=[a,b]), not 'b'",
                assertThrows(UsageException.class, () -> AddConfigs.parse("a=1,b")).getMessage());
        assertEquals("invalid config key 'a b': only letters, digits, '.', '-' and '_'",
                assertThrows(UsageException.class, () -> AddConfigs.parse("a b=1")).getMessage());
        Properties file = new Properties();
        file.setProperty("z.key", " 2 ");
        file.setProperty("a.key", "1");
        assertEquals(List.of("a.key", "z.key"), List.copyOf(AddConfigs.fromFile(file).keySet()));
        assertEquals("2", AddConfigs.fromFile(file).get("z.key"));
    }

    @Test
    void helpNeedsNothingElse() throws UsageException {
        assertNull(ConfigCommandOptions.parse("--help"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConfigCommandOptions.printUsage(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String usage = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("samsa-configs: describes and alters"), usage);
        for (String flag : List.of("--entity-type", "--entity-name", "--entity-default", "--add-config", "--delete-config",
                "--all", "--command-config", "--output")) {
            assertTrue(usage.contains(flag), flag);
        }
    }

    private static ConfigCommandOptions assertDoesNotFail(String... args) {
        try {
            return parse(args);
        } catch (UsageException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static ConfigCommandOptions parse(String... args) throws UsageException {
        String[] all = new String[args.length + 2];
        all[0] = "--bootstrap-server";
        all[1] = "h:1";
        System.arraycopy(args, 0, all, 2, args.length);
        return ConfigCommandOptions.parse(all);
    }

    private static String fails(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }
}
