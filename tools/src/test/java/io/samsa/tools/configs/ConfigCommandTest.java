package io.samsa.tools.configs;

import io.samsa.tools.cli.ExitStatus;
import io.samsa.tools.cli.ToolRunner;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigCommandTest {

    @Test
    void quotaAndClientMetricsEntitiesFailInOneLineBeforeAnyConnection() {
        // Port 1 has no broker: the refusal comes before the tool tries to connect.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ToolRunner.execute(new ConfigCommand(), new String[] {"--bootstrap-server", "127.0.0.1:1", "--alter",
            "--user", "alice", "--add-config", "producer_byte_rate=1024"}, print(out), print(err));
        assertEquals(ExitStatus.FAILURE, status);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("samsa-configs: --entity-type users is not supported: a user's quotas and SCRAM "
                + "credentials are read and changed with the DescribeClientQuotas"), message);
        assertEquals(1, message.lines().count(), message);
        assertEquals("", out.toString(StandardCharsets.UTF_8));

        err.reset();
        assertEquals(ExitStatus.FAILURE, ToolRunner.execute(new ConfigCommand(), new String[] {"--bootstrap-server",
            "127.0.0.1:1", "--describe", "--entity-type", "client-metrics"}, print(out), print(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("KRaft clusters only"), err.toString(StandardCharsets.UTF_8));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
