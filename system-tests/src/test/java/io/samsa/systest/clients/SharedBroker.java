package io.samsa.systest.clients;

import io.samsa.systest.harness.BrokerUnderTest;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension giving one test class one {@link BrokerUnderTest} (started before the first test,
 * killed after the last) and one kafka-clients Admin on it, so the suite starts a deployment per
 * class rather than per test. Register it as a static field with {@code @RegisterExtension}.
 * Not thread-safe: test classes using it run their tests one at a time.
 */
final class SharedBroker implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private BrokerUnderTest broker;
    private Admin admin;

    SharedBroker(String name) {
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = BrokerUnderTest.start(name);
        admin = ClientConfigs.admin(broker);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    BrokerUnderTest broker() {
        return broker;
    }

    Admin admin() {
        return admin;
    }
}
