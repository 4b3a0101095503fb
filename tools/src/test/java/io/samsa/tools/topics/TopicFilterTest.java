package io.samsa.tools.topics;

import io.samsa.tools.cli.UsageException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicFilterTest {

    @Test
    void aNameMatchesItselfWhole() throws UsageException {
        TopicFilter f = TopicFilter.of("orders");
        assertTrue(f.matches("orders"));
        assertFalse(f.matches("orders-2"));
        assertFalse(f.isPattern());
    }

    @Test
    void readsAsKafkaDoes() throws UsageException {
        TopicFilter f = TopicFilter.of("'a.*, b'");
        assertTrue(f.matches("a1"));
        assertTrue(f.matches("b"));
        assertFalse(f.matches("c"));
        assertTrue(f.isPattern());
        assertTrue(TopicFilter.of("my.topic").matches("myXtopic"), "a dot is any character, as in Kafka");
        assertFalse(TopicFilter.of("my.topic").isPattern(), "but a dotted name is still taken for a name");
    }
}
