package io.samsa.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.samsa.clients.admin.AdminClientConfig;
import io.samsa.clients.consumer.ConsumerConfig;
import io.samsa.clients.producer.ProducerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Keys a client config does not know are listed in one WARN line, and do not fail the config. */
class UnknownKeysWarningTest {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Logger logger;

    private void capture(Class<?> configClass) {
        logger = (Logger) LoggerFactory.getLogger(configClass);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        if (logger != null) {
            logger.detachAppender(logged);
        }
    }

    @Test
    void producerWarnsOnceListingEveryUnknownKey() {
        capture(ProducerConfig.class);
        Map<String, Object> props = ClientConfigRulesTest.producer("linger.msec", "5", "foo.bar", "x",
                "value.serializer.encoding", "UTF-16", "transaction.timeout.ms", "1000");
        ProducerConfig config = new ProducerConfig(props);
        List<ILoggingEvent> warnings = warnings();
        assertEquals(1, warnings.size(), () -> warnings.toString());
        String message = warnings.get(0).getFormattedMessage();
        assertTrue(message.contains("[foo.bar, linger.msec, transaction.timeout.ms]"), message);
        assertFalse(message.contains("value.serializer.encoding"), message);
        assertEquals(0L, config.getLong("linger.ms"));
    }

    @Test
    void consumerAndAdminWarnToo() {
        capture(ConsumerConfig.class);
        new ConsumerConfig(ClientConfigRulesTest.consumer("max.poll.recordz", "5", "key.deserializer.encoding", "UTF-8"));
        assertEquals(1, warnings().size());
        assertTrue(warnings().get(0).getFormattedMessage().contains("[max.poll.recordz]"));
        release();
        logged.list.clear();
        capture(AdminClientConfig.class);
        new AdminClientConfig(Map.of("bootstrap.servers", "b:9092", "ssl.truststore.location", "/x"));
        assertEquals(1, warnings().size());
    }

    @Test
    void knownKeysAloneLogNoWarning() {
        capture(ProducerConfig.class);
        new ProducerConfig(ClientConfigRulesTest.producer("linger.ms", "5"));
        assertEquals(0, warnings().size());
    }

    private List<ILoggingEvent> warnings() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    }
}
