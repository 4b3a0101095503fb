package io.samsa.zk;

import static io.samsa.zk.ZkTestSupport.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.testkit.Wait;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(90)
class ControllerElectionTest {

    /** Records the callbacks one candidate receives. */
    static final class Recorder implements ControllerElection.Listener {
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile int epoch = -1;
        volatile int epochZkVersion = -1;

        @Override
        public void onBecomingController(int epoch, int epochZkVersion) {
            this.epoch = epoch;
            this.epochZkVersion = epochZkVersion;
            calls.add("become:" + epoch);
        }

        @Override
        public void onResigning() {
            calls.add("resign");
        }
    }

    private TestingServer server;
    private final List<SamsaZkClient> clients = new ArrayList<>();
    private final List<ControllerElection> elections = new ArrayList<>();
    private final List<Recorder> recorders = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = ZkTestSupport.newServer();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (ControllerElection e : elections) {
            e.close();
        }
        for (SamsaZkClient c : clients) {
            c.close();
        }
        server.close();
    }

    private void startCandidates(int count) {
        for (int id = 1; id <= count; id++) {
            SamsaZkClient client = connect(server);
            Recorder recorder = new Recorder();
            ControllerElection election = new ControllerElection(client, id, recorder);
            clients.add(client);
            recorders.add(recorder);
            elections.add(election);
        }
        elections.forEach(ControllerElection::start);
    }

    /** Controllers whose listener has heard it: an election turns active just before it calls the listener. */
    private int activeCount() {
        int count = 0;
        for (int i = 0; i < elections.size(); i++) {
            if (elections.get(i).isController() && recorders.get(i).epoch == elections.get(i).epoch()) {
                count++;
            }
        }
        return count;
    }

    private int activeIndex() {
        for (int i = 0; i < elections.size(); i++) {
            if (elections.get(i).isController()) {
                return i;
            }
        }
        return -1;
    }

    private boolean allAgreeOn(int controllerId) {
        return elections.stream().allMatch(e -> e.activeControllerId() == controllerId);
    }

    @Test
    void exactlyOneOfThreeCandidatesBecomesControllerWithEpochOne() {
        startCandidates(3);
        Wait.until("one controller", () -> activeCount() == 1);
        int winner = activeIndex();
        int winnerId = winner + 1;
        Wait.until("everyone knows the controller", () -> allAgreeOn(winnerId));
        assertEquals(List.of("become:1"), recorders.get(winner).calls);
        assertEquals(1, recorders.get(winner).epochZkVersion);
        assertEquals(1, elections.get(winner).epoch());
        assertEquals(winnerId, clients.get(0).controllerStore().controllerId());
        assertEquals(new Versioned<>(1, 1), clients.get(0).controllerStore().epoch().orElseThrow());
        for (int i = 0; i < 3; i++) {
            if (i != winner) {
                assertEquals(List.of(), recorders.get(i).calls);
                assertEquals(-1, elections.get(i).epoch());
            }
        }
    }

    @Test
    void controllerFailsOverWhenItsSessionExpiresAndTheOldOneIsFenced() {
        startCandidates(2);
        Wait.until("one controller", () -> activeCount() == 1);
        int first = activeIndex();
        int second = 1 - first;
        Recorder old = recorders.get(first);
        int oldEpochZkVersion = old.epochZkVersion;
        SamsaZkClient oldClient = clients.get(first);
        oldClient.topics().create(TopicAssignment.of("t", Uuid.randomUuid(), Map.of(0, List.of(1))), Map.of());

        oldClient.expireSession();

        // Both candidates race for /controller once the old session is gone: the other broker, or
        // the old one back on its new session. Either way the winner holds a new epoch.
        Wait.until("a controller with epoch 2", () -> activeCount() == 1 && recorders.stream().anyMatch(r -> r.epoch == 2));
        int winner = activeIndex();
        assertEquals(2, recorders.get(winner).epochZkVersion);
        assertTrue(old.calls.contains("resign"), "the old controller resigned when its session expired");
        assertEquals(winner == first ? List.of("become:1", "resign", "become:2") : List.of("become:1", "resign"), old.calls);
        if (winner == second) {
            assertEquals(List.of("become:2"), recorders.get(second).calls);
        }
        Wait.until("every candidate follows the new controller", () -> allAgreeOn(winner + 1));

        TopicPartition tp = new TopicPartition("t", 0);
        assertThrows(ControllerMovedException.class, () -> oldClient.partitionStates()
                .createFenced(Map.of(tp, PartitionState.initial(1, List.of(1), 1)), oldEpochZkVersion),
                "a write fenced by the old epoch is refused");
        assertTrue(clients.get(winner).partitionStates()
                .createFenced(Map.of(tp, PartitionState.initial(2, List.of(2), 2)), recorders.get(winner).epochZkVersion).get(tp).ok());
    }

    @Test
    void closingTheControllerHandsOverWithoutWaitingForTheSession() {
        startCandidates(3);
        Wait.until("one controller", () -> activeCount() == 1);
        int first = activeIndex();
        elections.get(first).close();
        assertEquals(List.of("become:1", "resign"), recorders.get(first).calls);
        Wait.until("a successor", () -> activeCount() == 1);
        int successor = activeIndex();
        assertTrue(successor != first);
        assertEquals(List.of("become:2"), recorders.get(successor).calls);
    }

    @Test
    void aControllerToldItMovedResignsAndRunsAgain() {
        startCandidates(1);
        Wait.until("one controller", () -> activeCount() == 1);
        elections.get(0).controllerMoved(1);
        Wait.until("re-elected with a new epoch", () -> recorders.get(0).calls.equals(List.of("become:1", "resign", "become:2")));
        assertTrue(elections.get(0).isController());
        assertEquals(2, elections.get(0).epoch());
    }

    @Test
    void anotherBrokerDeletingTheControllersZnodeStartsAnElectionWithoutWaitingForTheSession() {
        startCandidates(2);
        Wait.until("one controller", () -> activeCount() == 1);
        int first = activeIndex();
        int other = 1 - first;
        assertFalse(clients.get(other).controllerStore().deleteIfHeldBy(other + 1), "it does not hold /controller");
        assertTrue(clients.get(other).controllerStore().deleteIfHeldBy(first + 1));
        Wait.until("a controller with epoch 2", () -> activeCount() == 1 && recorders.stream().anyMatch(r -> r.epoch == 2));
        assertTrue(recorders.get(first).calls.contains("resign"), "the controller whose znode went resigned");
    }
}
