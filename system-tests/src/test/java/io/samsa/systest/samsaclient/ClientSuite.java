package io.samsa.systest.samsaclient;

import io.samsa.systest.harness.BrokerKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

/**
 * The Samsa client suite on one deployment: every test interface it implements runs against the
 * broker kind and count its subclass names, so the same assertions hold Samsa's clients to
 * Apache Kafka 3.9.1 and to Samsa, on one broker and on three.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
abstract class ClientSuite implements ProducerTests, ConsumerTests, AdminTests {

    private ClientSuiteDeployment deployment;

    abstract BrokerKind kind();

    abstract int brokers();

    @BeforeAll
    void start() {
        deployment = new ClientSuiteDeployment(kind(), brokers(), getClass().getSimpleName());
    }

    @AfterAll
    void stop() {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Override
    public ClientSuiteDeployment deployment() {
        return deployment;
    }
}
