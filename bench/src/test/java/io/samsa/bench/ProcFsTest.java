package io.samsa.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcFsTest {

    @Test
    void cpuTicksAreUtimePlusStime() {
        String stat = "16270 (cat) R 16264 16264 7576 0 -1 4194304 99 0 0 0 12 34 0 0 20 0 1 0 263567 3133440 394";
        assertEquals(46, ProcFs.cpuTicks(stat));
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftFields() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 5 0 0 0 1500 250 0 0 20 0 40 0 100 1 1";
        assertEquals(1750, ProcFs.cpuTicks(stat));
    }

    @Test
    void childrenCpuTicksAreCutimePlusCstime() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 5 0 0 0 1500 250 700 45 20 0 40 0 100 1 1";
        assertEquals(745, ProcFs.childrenCpuTicks(stat));
        assertThrows(IllegalArgumentException.class, () -> ProcFs.childrenCpuTicks("4242 (x) S 1 2 3"));
    }

    @Test
    void vmHwmIsReadInKib() {
        String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmHWM:\t  523776 kB\nVmRSS:\t  400000 kB\n";
        assertEquals(523776, ProcFs.vmHwmKib(status));
        assertThrows(IllegalArgumentException.class, () -> ProcFs.vmHwmKib("Name:\tjava\n"));
    }

    @Test
    void jvmOptionsAreTheXArgumentsBeforeTheMainClass() {
        String cmdline = String.join("\0", "/usr/bin/java", "-Xms1g", "-Xmx1g", "-server", "-XX:MaxInlineLevel=6",
                "-Dlogback.configurationFile=x.xml", "-cp", "/a/*:-Xnot", "kafka.Kafka", "-Xarg.properties") + "\0";
        assertEquals("-Xms1g -Xmx1g -XX:MaxInlineLevel=6", ProcFs.jvmOptions(cmdline));
        assertEquals("", ProcFs.jvmOptions("/usr/bin/java\0Main\0"));
    }

    @Test
    void readsThisProcess() throws Exception {
        long pid = ProcessHandle.current().pid();
        assertTrue(ProcFs.peakRssKib(pid) > 1024, "a JVM holds more than 1 MiB");
        assertTrue(ProcFs.cpuSeconds(pid) > 0, "this JVM has run");
        assertTrue(ProcFs.clockTicksPerSecond() > 0);
        assertTrue(ProcFs.reapedChildrenCpuTicks() >= 0);
        assertTrue(ProcFs.jvmOptions(pid).startsWith("-X") || ProcFs.jvmOptions(pid).isEmpty());
    }
}
