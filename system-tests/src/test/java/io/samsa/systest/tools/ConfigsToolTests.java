package io.samsa.systest.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samsa.systest.harness.CommandResult;
import io.samsa.testkit.Wait;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.samsa.systest.tools.SamsaTools.assertFailure;
import static io.samsa.systest.tools.SamsaTools.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/samsa-configs.sh} against a live deployment: a topic's configs described in Kafka's
 * lines and as JSON, altered (bracketed list values, deletions), a broker's static configs, the
 * brokers' default (dynamic on Kafka, refused by Samsa's static brokers), and bad input.
 */
interface ConfigsToolTests {

    String SCRIPT = "samsa-configs.sh";
    ObjectMapper JSON = new ObjectMapper();
    Duration WAIT = Duration.ofSeconds(60);

    SamsaTools tools();

    @Test
    default void describesAndAltersATopicsConfigs() {
        new ToolTestData(tools().broker()).createTopic("cf-topic", 1, Map.of("retention.ms", "86400000"));
        List<String> lines = configs("--describe", "--entity-type", "topics", "--entity-name", "cf-topic").assertSuccess()
                .stdoutLines();
        assertEquals("Dynamic configs for topic cf-topic are:", lines.get(0));
        assertTrue(lines.get(1).startsWith("  retention.ms=86400000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms="
                + "86400000"), lines.get(1));
        assertEquals(2, lines.size(), lines::toString);

        assertEquals("Completed updating config for topic cf-topic.\n", configs("--alter", "--entity-type", "topics",
                "--entity-name", "cf-topic", "--add-config", "cleanup.policy=[compact,delete],max.message.bytes=2000000",
                "--delete-config", "retention.ms", "--force").assertSuccess().stdout(), "--force: there is no prompt to suppress");
        // Every broker applies the change when ZooKeeper tells it; the one describing may be a moment late.
        List<String> after = new ArrayList<>();
        Wait.until("cf-topic's new configs described", WAIT, () -> {
            after.clear();
            after.addAll(configs("--describe", "--topic", "cf-topic").assertSuccess().stdoutLines());
            return after.size() == 3 && after.get(1).startsWith("  cleanup.policy=compact,delete ");
        });
        assertTrue(after.get(2).startsWith("  max.message.bytes=2000000 sensitive=false "), after::toString);

        List<String> all = configs("--describe", "--topic", "cf-topic", "--all").assertSuccess().stdoutLines();
        assertEquals("All configs for topic cf-topic are:", all.get(0));
        assertTrue(all.stream().anyMatch(l -> l.startsWith("  min.insync.replicas=2 sensitive=false ")), all::toString);
        assertTrue(all.stream().anyMatch(l -> l.startsWith("  retention.ms=604800000 ")), "back to the default: " + all);
    }

    @Test
    default void configsPrintOneJsonDocument() throws Exception {
        new ToolTestData(tools().broker()).createTopic("cf-json", 1, Map.of("retention.ms", "3600000"));
        JsonNode doc = JSON.readTree(configs("--describe", "--topic", "cf-json", "--output", "json").assertSuccess().stdout());
        JsonNode e = doc.get("entities").get(0);
        assertEquals("topics", e.get("entityType").asText());
        assertEquals("cf-json", e.get("entityName").asText());
        JsonNode c = e.get("configs").get(0);
        assertEquals("retention.ms", c.get("name").asText());
        assertEquals("3600000", c.get("value").asText());
        assertEquals("DYNAMIC_TOPIC_CONFIG", c.get("source").asText());
        assertEquals("DYNAMIC_TOPIC_CONFIG", c.get("synonyms").get(0).get("source").asText());
    }

    @Test
    default void describesBrokersAndTheirDefault() {
        List<Integer> ids = tools().broker().brokerIds();
        int id = ids.get(0);
        List<String> all = configs("--describe", "--entity-type", "brokers", "--entity-name", Integer.toString(id), "--all")
                .assertSuccess().stdoutLines();
        assertEquals("All configs for broker " + id + " are:", all.get(0));
        assertTrue(all.stream().anyMatch(l -> l.startsWith("  min.insync.replicas=2 sensitive=false synonyms={"
                + "STATIC_BROKER_CONFIG:min.insync.replicas=2")), all::toString);

        List<String> headings = configs("--describe", "--entity-type", "brokers").assertSuccess().stdoutLines().stream()
                .filter(l -> !l.startsWith("  ")).toList();
        List<String> expected = ids.stream().map(b -> "Dynamic configs for broker " + b + " are:").collect(Collectors.toList());
        expected.add("Default configs for brokers in the cluster are:");
        assertEquals(expected, headings);
    }

    /** Kafka's brokers take dynamic defaults; Samsa's configuration is static, which the tool reports in one line. */
    @Test
    default void altersTheBrokersDefaultWhereTheBrokersAllowIt() {
        // The value is the default already, so the change harms no other test.
        CommandResult set = configs("--alter", "--entity-type", "brokers", "--entity-default", "--add-config",
                "log.flush.interval.messages=9223372036854775807");
        if (tools().broker().kind().equals("kafka")) {
            assertEquals("Completed updating default config for brokers in the cluster.\n", set.assertSuccess().stdout());
            Wait.until("the default described", WAIT, () -> configs("--describe", "--broker-defaults").assertSuccess()
                    .stdoutLines().stream().anyMatch(l -> l.startsWith("  log.flush.interval.messages=9223372036854775807 "
                            + "sensitive=false synonyms={DYNAMIC_DEFAULT_BROKER_CONFIG:log.flush.interval.messages=")));
            assertEquals("Completed updating default config for brokers in the cluster.\n", configs("--alter",
                    "--broker-defaults", "--delete-config", "log.flush.interval.messages").assertSuccess().stdout());
        } else {
            assertFailure(set, "samsa-configs: This broker's configuration is static: change server.properties and restart it");
            assertFailure(configs("--alter", "--broker-defaults", "--delete-config", "log.flush.interval.messages"),
                    "samsa-configs: The brokers' default has no dynamic value of 'log.flush.interval.messages' to delete");
        }
    }

    @Test
    default void configsBadInputIsOneLineOrTheUsage() {
        new ToolTestData(tools().broker()).createTopic("cf-known", 1, Map.of());
        String dead = SamsaTools.deadAddress();
        long start = System.nanoTime();
        assertFailure(SamsaTools.run(SCRIPT, "--bootstrap-server", dead, "--describe", "--topic", "t", "--timeout", "2000"),
                "samsa-configs: cannot reach the cluster at " + dead + " within 2000 ms: " + dead + " refused the connection");
        assertTrue(System.nanoTime() - start < 6_000_000_000L, "failed fast");

        assertFailure(configs("--describe", "--topic", "cf-knwon"),
                "samsa-configs: Topic 'cf-knwon' does not exist; did you mean 'cf-known'?");
        assertUsageError(configs("--alter", "--topic", "cf-known", "--add-config", "retension.ms=1000"),
                "samsa-configs: error: unknown topic config 'retension.ms'; did you mean 'retention.ms'?");
        assertUsageError(configs("--alter", "--broker", Integer.toString(tools().broker().brokerIds().get(0)), "--add-config",
                "log.retension.ms=1000"), "samsa-configs: error: unknown broker config 'log.retension.ms'; did you mean "
                + "'log.retention.ms'?");
        assertFailure(configs("--alter", "--topic", "cf-known", "--delete-config", "retention.ms"),
                "samsa-configs: Topic 'cf-known' has no dynamic value of 'retention.ms' to delete");
        assertFailure(configs("--describe", "--broker", "99"), "samsa-configs: Broker 99 is not a live broker (the live "
                + "brokers are " + tools().broker().brokerIds().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ")");
        assertUsageError(configs("--describe", "--entity-name", "cf-known"), "samsa-configs: error: missing required option "
                + "--entity-type");
        assertUsageError(configs("--describe", "--entity-type", "topic"), "samsa-configs: error: --entity-type must be "
                + "one of topics, brokers, broker-loggers, users, clients, ips, client-metrics, not 'topic'; did you mean "
                + "'topics'?");
        assertUsageError(configs("--describe", "--topic", "cf-known", "--bootstrap-controller", "localhost:9093"),
                "samsa-configs: error: --bootstrap-controller is for KRaft controllers; a ZooKeeper-mode cluster, Samsa's or "
                + "Kafka's, is reached with --bootstrap-server HOST:PORT");
        assertUsageError(SamsaTools.run(SCRIPT, "--zookeeper", "localhost:2181", "--describe", "--topic", "cf-known"),
                "samsa-configs: error: --zookeeper is not supported: Samsa's tools talk to the brokers, as Kafka's have since "
                + "3.0 (kafka-configs kept it only for SCRAM credentials); give --bootstrap-server HOST:PORT instead");
    }

    /** Quotas and SCRAM credentials need requests Samsa's admin client does not send: one line, exit 1, on any cluster. */
    @Test
    default void quotaEntitiesAreRefusedInOneLine() {
        String why = "a user's quotas and SCRAM credentials are read and changed with the DescribeClientQuotas, "
                + "AlterClientQuotas, DescribeUserScramCredentials and AlterUserScramCredentials requests, which Samsa's "
                + "admin client does not send and Samsa's brokers do not serve";
        assertFailure(configs("--describe", "--entity-type", "users"), "samsa-configs: --entity-type users is not supported: "
                + why);
        assertFailure(configs("--alter", "--user", "alice", "--client", "c1", "--add-config", "producer_byte_rate=1024"),
                "samsa-configs: --entity-type users is not supported: " + why);
        CommandResult ips = configs("--describe", "--ip-defaults");
        assertEquals(1, ips.exitCode(), ips::describe);
        assertTrue(ips.stderr().startsWith("samsa-configs: --entity-type ips is not supported: an IP's connection-rate "
                + "quota"), ips::describe);
    }

    // --- helpers

    private CommandResult configs(String... args) {
        return tools().onCluster(SCRIPT, args);
    }
}
