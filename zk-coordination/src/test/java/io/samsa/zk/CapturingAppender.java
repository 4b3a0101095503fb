package io.samsa.zk;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Collects the log events of one class, for tests that check what was logged. */
final class CapturingAppender extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final Logger logger;

    CapturingAppender(Class<?> type) {
        logger = (Logger) LoggerFactory.getLogger(type);
        start();
        logger.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        events.add(event);
    }

    long count(String fragment) {
        return events.stream().filter(e -> e.getFormattedMessage().contains(fragment)).count();
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}
