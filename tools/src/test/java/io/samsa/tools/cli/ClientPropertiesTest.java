package io.samsa.tools.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void loadsAFileAndSaysWhichOptionNamedAMissingOne() throws Exception {
        Path file = dir.resolve("admin.properties");
        Files.writeString(file, "client.id=tools\n# comment\nrequest.timeout.ms = 100\n");
        Properties p = ClientProperties.load(file, "--command-config");
        assertEquals("tools", p.getProperty("client.id"));
        assertEquals("100", p.getProperty("request.timeout.ms"));
        Path missing = dir.resolve("nope.properties");
        assertEquals("--command-config " + missing + ": no such file",
                assertThrows(ToolFailure.class, () -> ClientProperties.load(missing, "--command-config")).getMessage());
    }

    @Test
    void overridesAreKeyEqualsValueSplitAtTheFirstEquals() throws UsageException {
        Properties p = new Properties();
        p.setProperty("acks", "1");
        ClientProperties.override(p, List.of("acks=all", "sasl.jaas.config=a=b"), "--property");
        assertEquals("all", p.getProperty("acks"));
        assertEquals("a=b", p.getProperty("sasl.jaas.config"));
        assertEquals("--property takes key=value, not 'acks'",
                assertThrows(UsageException.class, () -> ClientProperties.override(p, List.of("acks"), "--property")).getMessage());
    }

    @Test
    void unknownKeysAreNamedWithASuggestion() {
        Properties p = new Properties();
        p.setProperty("bootstrap.server", "h:1");
        p.setProperty("client.id", "x");
        p.setProperty("zzz", "1");
        assertEquals(List.of("unknown admin config 'bootstrap.server' is ignored; did you mean 'bootstrap.servers'?",
                        "unknown admin config 'zzz' is ignored"),
                ClientProperties.unknownKeyWarnings(p, List.of("bootstrap.servers", "client.id"), "admin config"));
    }
}
