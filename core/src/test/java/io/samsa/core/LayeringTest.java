package io.samsa.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.samsa.testkit.PackageLayers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The broker's package layers (DESIGN.md, "Layers inside core"): storage, networking and the
 * delayed-operation machinery (timer, purgatory) and the metrics registry at the bottom, the replica manager, coordinators, controller and topic administration above them, the
 * server (lifecycle and handlers) on top. A lower layer that needs something from a higher one
 * defines an interface the higher one implements. Runs in every build, so an upward import fails it.
 */
class LayeringTest {

    static final PackageLayers CORE = PackageLayers.of("core layers", "io.samsa.core")
        .layer("log", "network", "timer", "purgatory", "metrics")
        .layer("replication", "coordinator", "controller", "admin")
        .layer("server");

    @Test
    void noPackageUsesALayerAboveIt() {
        List<String> violations = CORE.violations(Path.of("src/main/java"));
        assertEquals(List.of(), violations, () -> violations.size() + " upward dependencies:\n" + String.join("\n", violations));
    }

    @Test
    void zooKeeperIsReachedOnlyThroughSamsaZk() {
        assertEquals(List.of(), PackageLayers.usesOf(Path.of("src/main/java"), "org.apache.zookeeper", "org.apache.curator"),
            "core must use ZooKeeper through samsa-zk (io.samsa.zk), not Curator or ZooKeeper directly");
    }
}
