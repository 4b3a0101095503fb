package io.samsa.systest.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samsa.systest.harness.CommandResult;
import io.samsa.systest.harness.ExternalCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * confluent-kafka-python 1.7 (librdkafka 2.0.2) with enable.idempotence=true, acks=all and zstd:
 * every delivery report succeeds, offsets are dense, and the stored batches carry a producer id.
 * librdkafka enables idempotence only when InitProducerId v0 is in the advertised range.
 */
@Tag("system")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LibrdkafkaIdempotenceSystemTest {

    @RegisterExtension
    static final SharedBroker SHARED = new SharedBroker("librdkafka-idempotence");

    private static final int COUNT = 500;

    @Test
    void idempotentZstdProducerGetsDenseOffsetsAndProducerIds() throws Exception {
        String topic = "librdkafka-idempotent";
        Topics.create(SHARED.admin(), topic, 1);
        Path script = Path.of(LibrdkafkaIdempotenceSystemTest.class.getResource("confluent_idempotent.py").toURI());
        CommandResult r = ExternalCommand.run(List.of("/usr/bin/python3", script.toString(), SHARED.broker().bootstrapServers(),
                topic, Integer.toString(COUNT), "zstd"), null, Duration.ofSeconds(120));
        r.assertSuccess();
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = r.stdoutLines();
        assertEquals(COUNT, lines.size(), r::describe);
        boolean[] seen = new boolean[COUNT];
        for (String line : lines) {
            JsonNode n = mapper.readTree(line);
            assertTrue(n.get("error").isNull(), "delivery report error: " + line);
            int offset = n.get("offset").asInt();
            assertTrue(offset >= 0 && offset < COUNT, "offset " + offset + " outside [0, " + COUNT + ")");
            assertFalse(seen[offset], "offset " + offset + " reported twice");
            seen[offset] = true;
            assertEquals("value-" + offset, n.get("value").asText(), "one partition, one producer: offset follows send order");
        }
        List<RawFetch.Batch> batches = RawFetch.batches(SHARED.admin(), topic, 0);
        assertFalse(batches.isEmpty());
        long producerId = batches.get(0).producerId();
        assertTrue(producerId >= 0, "batches carry a producer id");
        long next = 0;
        for (RawFetch.Batch b : batches) {
            assertEquals(producerId, b.producerId());
            assertEquals("zstd", b.compression());
            assertEquals(next, b.baseOffset(), "dense offsets");
            next = b.lastOffset() + 1;
        }
    }
}
