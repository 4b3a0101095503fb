package io.samsa.systest.tools;

import io.samsa.systest.harness.BrokerKind;
import io.samsa.systest.harness.BrokerUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

/**
 * Samsa's command-line tools (topics, cluster, the perf tests, consumer groups, configs, get offsets,
 * delete records, leader election, console producer and consumer, partition reassignment, log
 * dump), run as processes from
 * {@code bin/}, against one three-broker deployment per subclass: every test interface it
 * implements runs on the broker kind the subclass names, so the same assertions hold on Samsa and
 * on Apache Kafka 3.9.1 (the tools speak only the Kafka protocol). Tests that break the cluster (a killed broker) are ordered last
 * ({@code @Order(Integer.MAX_VALUE)}); the rest do not depend on each other.
 */
@Tag("system")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
abstract class ToolsSuite implements TopicsToolTests, ClusterToolTests, PerfToolsTests, ConsumerGroupsToolTests,
        ConfigsToolTests, GetOffsetsToolTests, DeleteRecordsToolTests, LeaderElectionToolTests, ConsoleToolsTests,
        ReassignToolTests, DumpLogToolTests {

    private BrokerUnderTest broker;
    private SamsaTools tools;

    abstract BrokerKind kind();

    @BeforeAll
    void start() {
        broker = BrokerUnderTest.start(kind(), getClass().getSimpleName(), BrokerUnderTest.BROKERS);
        tools = new SamsaTools(broker);
    }

    @AfterAll
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    public SamsaTools tools() {
        return tools;
    }
}
