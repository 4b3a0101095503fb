package io.samsa.tools.reassign;

import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.UsageException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReassignOptionsTest {

    @Test
    void readsEachAction() throws UsageException {
        ReassignOptions g = parse("--generate", "--topics-to-move-json-file", "t.json", "--broker-list", "2, 0,1",
                "--disable-rack-aware");
        assertEquals(ReassignAction.GENERATE, g.action());
        assertEquals(Path.of("t.json"), g.topicsFile());
        assertEquals(List.of(2, 0, 1), g.brokers());
        assertTrue(g.disableRackAware());

        ReassignOptions e = parse("--execute", "--reassignment-json-file", "r.json", "--throttle", "1048576", "--additional",
                "--wait");
        assertEquals(1048576, e.throttle());
        assertTrue(e.additional());
        assertTrue(e.await());
        assertEquals(-1, parse("--execute", "--reassignment-json-file", "r.json").throttle());
        assertEquals(-1, parse("--execute", "--reassignment-json-file", "r.json").logDirThrottle());
        assertEquals(2048, parse("--execute", "--reassignment-json-file", "r.json", "--replica-alter-log-dirs-throttle",
                "2048").logDirThrottle(), "Kafka's flag is accepted (and has nothing to limit)");
        assertEquals(9000, parse("--execute", "--reassignment-json-file", "r.json", "--timeout", "9000").common().timeoutMs());
        assertTrue(parse("--cancel", "--reassignment-json-file", "r.json", "--preserve-throttles").preserveThrottles());

        ReassignOptions v = parse("--verify", "--reassignment-json-file", "r.json", "--preserve-throttles", "--output", "json");
        assertTrue(v.preserveThrottles());
        assertEquals(OutputFormat.JSON, v.common().output());
        assertEquals(ReassignAction.LIST, parse("--list").action());
    }

    @Test
    void kafkasRulesAreUsageErrors() {
        assertEquals("give exactly one action: --generate, --execute, --verify, --cancel or --list", fails());
        assertEquals("give exactly one action: --generate, --execute, --verify, --cancel or --list (not --execute and --list)",
                fails("--execute", "--list"));
        assertEquals("missing required option --reassignment-json-file", fails("--verify"));
        assertEquals("missing required option --broker-list", fails("--generate", "--topics-to-move-json-file", "t"));
        assertEquals("--throttle goes with --execute only", fails("--verify", "--reassignment-json-file", "r",
                "--throttle", "5"));
        assertEquals("--wait goes with --execute or --verify only", fails("--list", "--wait"));
        assertEquals("--preserve-throttles goes with --verify or --cancel only",
                fails("--execute", "--reassignment-json-file", "r", "--preserve-throttles"));
        assertEquals("--broker-list: 'x' is not a broker id", fails("--generate", "--topics-to-move-json-file", "t",
                "--broker-list", "1,x"));
        assertEquals("--broker-list names broker 1 twice", fails("--generate", "--topics-to-move-json-file", "t",
                "--broker-list", "1,1"));
        assertEquals("--throttle must be a positive number of bytes/s, not 0", fails("--execute",
                "--reassignment-json-file", "r", "--throttle", "0"));
        assertEquals("--replica-alter-log-dirs-throttle must not be negative, not -5", fails("--execute",
                "--reassignment-json-file", "r", "--replica-alter-log-dirs-throttle", "-5"));
        assertEquals("--replica-alter-log-dirs-throttle goes with --execute only", fails("--verify",
                "--reassignment-json-file", "r", "--replica-alter-log-dirs-throttle", "5"));
        assertEquals("--disable-rack-aware goes with --generate only", fails("--execute", "--reassignment-json-file", "r",
                "--disable-rack-aware"));
        assertEquals("--additional goes with --execute only", fails("--cancel", "--reassignment-json-file", "r",
                "--additional"));
        assertEquals("--topics-to-move-json-file goes with --generate only", fails("--list", "--topics-to-move-json-file",
                "t"));
        assertEquals("--output json goes with --list and --verify only (--generate prints JSON anyway)",
                fails("--execute", "--reassignment-json-file", "r", "--output", "json"));
        assertEquals("missing required option --bootstrap-server",
                assertThrows(UsageException.class, () -> ReassignOptions.parse("--list")).getMessage());
    }

    private static ReassignOptions parse(String... args) throws UsageException {
        String[] all = new String[args.length + 2];
        all[0] = "--bootstrap-server";
        all[1] = "h:1";
        System.arraycopy(args, 0, all, 2, args.length);
        return ReassignOptions.parse(all);
    }

    private static String fails(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }
}
