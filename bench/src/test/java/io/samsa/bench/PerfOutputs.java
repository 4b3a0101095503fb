package io.samsa.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Real output of the perf tools (Kafka 3.9.1's, and Samsa's producer tool), from test resources. */
final class PerfOutputs {

    private PerfOutputs() {
    }

    static String read(String name) {
        try (InputStream in = PerfOutputs.class.getResourceAsStream("/perf-output/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource perf-output/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
