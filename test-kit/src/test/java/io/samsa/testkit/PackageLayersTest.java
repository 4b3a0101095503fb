package io.samsa.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageLayersTest {

    private static final PackageLayers RULE = PackageLayers.of("core", "io.samsa.core")
        .layer("log", "network")
        .layer("replication", "coordinator", "controller")
        .layer("server");

    @Test
    void anUpwardImportIsAViolationNamingTheRule() {
        List<String> v = RULE.violations("coordinator/group/GroupConfig.java", """
            package io.samsa.core.coordinator.group;

            import io.samsa.core.log.Log;
            import io.samsa.core.server.BrokerConfig;
            """);
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).startsWith("coordinator/group/GroupConfig.java:4: coordinator uses io.samsa.core.server"), v.get(0));
        assertTrue(v.get(0).contains("core: log, network < controller, coordinator, replication < server"), v.get(0));
    }

    @Test
    void sameLayerAndLowerLayersAreAllowed() {
        assertEquals(List.of(), RULE.violations("A.java", """
            package io.samsa.core.server.handlers;
            import io.samsa.core.coordinator.group.GroupCoordinator;
            import static io.samsa.core.log.LogConfig.DEFAULT;
            import io.samsa.core.server.BrokerConfig;
            class A { io.samsa.core.replication.Partition p; }
            """));
        assertEquals(List.of(), RULE.violations("B.java", """
            package io.samsa.core.coordinator;
            import io.samsa.core.replication.ReplicaManager;
            import io.samsa.core.controller.Controller;
            """));
    }

    @Test
    void fullyQualifiedNamesInCodeCountButCommentsAndStringsDoNot() {
        List<String> v = RULE.violations("Log.java", """
            package io.samsa.core.log;
            /** Used by {@link io.samsa.core.server.SamsaServer}. */
            class Log {
                // io.samsa.core.server.X is mentioned here only
                String s = "io.samsa.core.server.Y";
                char c = '"';
                Object o = io.samsa.core.replication.Partition.NONE;
            }
            """);
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).startsWith("Log.java:7: log uses io.samsa.core.replication"), v.get(0));
    }

    @Test
    void aPackageInNoLayerIsAViolation() {
        List<String> v = RULE.violations("metrics/M.java", "package io.samsa.core.metrics;\n");
        assertEquals(1, v.size());
        assertTrue(v.get(0).contains("io.samsa.core.metrics is in no layer"), v.get(0));
        assertTrue(RULE.violations("X.java", "package io.samsa.core.log;\nimport io.samsa.core.metrics.M;\n").get(0)
            .contains("in no layer"));
        assertEquals(List.of(), RULE.violations("Y.java", "package io.samsa.zk;\nimport io.samsa.core.server.S;\n"),
            "classes outside the base package are not this rule's business");
    }

    @Test
    void theBasePackageItselfIsInNoLayer() {
        assertTrue(RULE.violations("Root.java", "package io.samsa.core;\n").get(0).contains("io.samsa.core is in no layer"));
    }

    @Test
    void usesOfAForbiddenPackageAreFoundInCodeOnly() throws IOException {
        Path root = TempDirs.create("uses-");
        Files.writeString(root.resolve("A.java"), """
            package io.samsa.core.server;
            import org.apache.curator.framework.CuratorFramework;
            // org.apache.zookeeper in a comment
            class A { String s = "org.apache.zookeeper"; Object o = org.apache.zookeeper.ZooKeeper.class; }
            """);
        List<String> uses = PackageLayers.usesOf(root, "org.apache.zookeeper", "org.apache.curator");
        assertEquals(List.of("A.java:2: uses org.apache.curator", "A.java:4: uses org.apache.zookeeper"), uses);
    }

    @Test
    void aPackageCanBeInOneLayerOnly() {
        assertThrows(IllegalArgumentException.class, () -> RULE.layer("log"));
    }

    @Test
    void checksEveryFileUnderASourceRoot() throws IOException {
        Path root = TempDirs.create("layers-");
        Path dir = Files.createDirectories(root.resolve("io/samsa/core/log"));
        Files.writeString(dir.resolve("Up.java"), "package io.samsa.core.log;\nimport io.samsa.core.server.S;\n");
        Files.writeString(dir.resolve("Fine.java"), "package io.samsa.core.log;\nimport io.samsa.core.network.N;\n");
        List<String> v = RULE.violations(root);
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).startsWith("io/samsa/core/log/Up.java:2:"), v.get(0));
    }
}
