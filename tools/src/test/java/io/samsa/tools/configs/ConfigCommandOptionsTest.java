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
        assertEquals("--entity-type must be topics or brokers, not 'topic'; did you mean 'topics'?",
                fails("--describe", "--entity-type", "topic"));
        assertEquals("--entity-type must be topics or brokers, not 'users' (Samsa's tool does not handle users, clients, "
                + "ips, broker-loggers, client-metrics)", fails("--describe", "--entity-type", "users"));
        assertEquals("missing required option --entity-type", fails("--describe", "--entity-name", "t"));
        assertEquals("a broker is named by its id, a number, not 'b1'", fails("--describe", "--entity-type", "brokers",
                "--entity-name", "b1"));
        assertEquals("--entity-default goes with --entity-type brokers only", fails("--describe", "--entity-type", "topics",
                "--entity-default"));
        assertEquals("--entity-type, --entity-name and --entity-default do not go with --topic, --broker or --broker-defaults",
                fails("--describe", "--topic", "t", "--entity-type", "topics"));
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
