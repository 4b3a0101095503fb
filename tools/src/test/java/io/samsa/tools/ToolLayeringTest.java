package io.samsa.tools;

import io.samsa.testkit.PackageLayers;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tools speak to a cluster through the client library only, so that they work against any
 * Kafka-protocol broker; {@code samsa-dump-log}, which reads log files offline, is the one tool
 * that may use the broker's own classes (module {@code core}).
 */
class ToolLayeringTest {

    @Test
    void onlyTheDumpToolUsesTheBrokersClasses() {
        List<String> uses = PackageLayers.usesOf(Path.of("src/main/java"), "io.samsa.core").stream()
                .filter(u -> !u.startsWith("io/samsa/tools/dumplog/")).toList();
        assertEquals(List.of(), uses, () -> "tools other than samsa-dump-log use module core:\n" + String.join("\n", uses));
    }
}
