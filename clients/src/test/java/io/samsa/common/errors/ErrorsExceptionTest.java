package io.samsa.common.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Errors;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Errors#exception(String)} against itself and against Kafka 3.9.1's own mapping
 * (kafka-clients, test scope): every code has an exception, retriable exactly when the code is,
 * a metadata error exactly when Kafka's is, and of the class Kafka uses (by simple name) wherever
 * Samsa has a dedicated class.
 */
class ErrorsExceptionTest {

    /** Samsa classes named differently from Kafka's, or deliberately generic for Kafka's dedicated one. */
    private static final Map<String, String> RENAMED = Map.of("StorageException", "KafkaStorageException");
    private static final Set<Class<?>> GENERIC = Set.of(ApiException.class, RetriableException.class,
            InvalidMetadataException.class, AuthorizationException.class);

    @ParameterizedTest
    @EnumSource(value = Errors.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everyErrorHasAnExceptionAsRetriableAsTheCode(Errors error) {
        ApiException e = error.exception();
        assertNotNull(e);
        assertEquals(error.retriable(), e instanceof RetriableException, error::name);
        assertEquals(error.message(), e.getMessage());
        assertNotNull(error.message());
        ApiException custom = error.exception("custom text");
        assertEquals("custom text", custom.getMessage());
        assertSame(e.getClass(), custom.getClass());
    }

    @ParameterizedTest
    @EnumSource(value = Errors.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void agreesWithKafka(Errors error) {
        var kafkaError = org.apache.kafka.common.protocol.Errors.forCode(error.code());
        assertEquals(error.name(), kafkaError.name(), "code " + error.code());
        var kafka = kafkaError.exception();
        ApiException samsa = error.exception();
        assertEquals(kafka instanceof org.apache.kafka.common.errors.RetriableException, error.retriable(),
                () -> error + ": Kafka throws " + kafka.getClass().getSimpleName());
        assertEquals(kafka instanceof org.apache.kafka.common.errors.InvalidMetadataException,
                samsa instanceof InvalidMetadataException, error::name);
        assertEquals(kafka instanceof org.apache.kafka.common.errors.AuthorizationException,
                samsa instanceof AuthorizationException, error::name);
        if (!GENERIC.contains(samsa.getClass())) {
            String name = samsa.getClass().getSimpleName();
            assertEquals(RENAMED.getOrDefault(name, name), kafka.getClass().getSimpleName(), error::name);
        }
    }

    @Test
    void noneHasNoException() {
        assertNull(Errors.NONE.exception());
        assertNull(Errors.NONE.exception("x"));
        assertNull(Errors.NONE.message());
    }

    @Test
    void apiExceptionsCarryNoStackTrace() {
        assertEquals(0, Errors.NOT_LEADER_OR_FOLLOWER.exception().getStackTrace().length);
    }

    @Test
    void interruptExceptionSetsTheInterruptFlagAgain() {
        InterruptedException cause = new InterruptedException();
        try {
            InterruptException e = new InterruptException(cause);
            assertSame(cause, e.getCause());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        try {
            new InterruptException("waiting for metadata");
            assertTrue(Thread.interrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void authorizationExceptionsNameWhatWasRefused() {
        assertEquals(Set.of("a", "b"), new TopicAuthorizationException(Set.of("a", "b")).unauthorizedTopics());
        assertEquals("g", GroupAuthorizationException.forGroupId("g").groupId());
        assertEquals(Set.of("bad topic"), new InvalidTopicException(Set.of("bad topic")).invalidTopics());
    }
}
