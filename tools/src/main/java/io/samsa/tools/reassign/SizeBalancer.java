package io.samsa.tools.reassign;

import io.samsa.common.TopicPartition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The replica placement {@code --generate} proposes: balanced by bytes, not by count alone.
 * Kafka's tool deals partitions out round-robin, which evens out replica counts but can leave one
 * broker with all the big partitions. Here partitions are placed largest first (the classic
 * longest-processing-time rule), each replica on the broker holding the fewest bytes so far (then
 * the fewest replicas, so that empty partitions spread by count; then a broker that already holds
 * the partition, so that nothing moves without reason; then the lowest id), never two replicas of
 * a partition on one broker and, when brokers have racks, on as many racks as there are. Each
 * partition's leader (its first replica) is the chosen broker leading the fewest partitions so
 * far, then the fewest leader bytes, then the current leader; leaderships are then shifted along
 * the replicas until leader counts are within one of each other wherever the placement allows it.
 * Every broker's total ends within about one partition's size of the others'. Deterministic: the same input gives the same proposal. Stateless.
 */
final class SizeBalancer {

    /** A partition to place: its current replicas (the first is the preferred leader) and its size in bytes. */
    record Partition(TopicPartition id, List<Integer> replicas, long sizeBytes) {
    }

    /** A broker that may receive replicas; {@code rack} is null when it has none. */
    record Broker(int id, String rack) {
    }

    /** What a proposal puts on one broker. */
    record Load(int broker, long bytes, int replicas, int leaders, long leaderBytes) {
    }

    private SizeBalancer() {
    }

    /**
     * The proposed replicas of every partition.
     *
     * @param rackAware whether the replicas of a partition spread over racks (every broker should
     *                  then have one; see {@link #checkRacks})
     * @throws IllegalArgumentException when a partition has more replicas than there are brokers
     */
    static Map<TopicPartition, List<Integer>> assign(List<Partition> partitions, List<Broker> brokers, boolean rackAware) {
        if (brokers.isEmpty()) {
            throw new IllegalArgumentException("no brokers to place replicas on");
        }
        List<Partition> order = new ArrayList<>(partitions);
        order.sort(Comparator.comparingLong(Partition::sizeBytes).reversed()
                .thenComparing(Partition::id, ReassignmentJson.ORDER));
        Map<Integer, long[]> state = new HashMap<>(); // bytes, replicas, leaders, leaderBytes
        brokers.forEach(b -> state.put(b.id(), new long[4]));
        Map<TopicPartition, List<Integer>> placed = new LinkedHashMap<>();
        Map<TopicPartition, Integer> leaders = new LinkedHashMap<>();
        for (Partition p : order) {
            int rf = p.replicas().size();
            if (rf > brokers.size()) {
                throw new IllegalArgumentException(p.id() + " has " + rf + " replicas but there are only "
                        + brokers.size() + " brokers to place them on");
            }
            List<Broker> chosen = new ArrayList<>();
            Set<String> racksUsed = new HashSet<>();
            for (int k = 0; k < rf; k++) {
                List<Broker> candidates = brokers.stream().filter(b -> !chosen.contains(b)).toList();
                if (rackAware) {
                    List<Broker> newRack = candidates.stream()
                            .filter(b -> b.rack() == null || !racksUsed.contains(b.rack())).toList();
                    if (!newRack.isEmpty()) {
                        candidates = newRack;
                    }
                }
                Broker best = candidates.stream().min(Comparator
                        .comparingLong((Broker b) -> state.get(b.id())[0])
                        .thenComparingLong(b -> state.get(b.id())[1])
                        .thenComparingInt(b -> p.replicas().contains(b.id()) ? 0 : 1)
                        .thenComparingInt(Broker::id)).orElseThrow();
                chosen.add(best);
                if (best.rack() != null) {
                    racksUsed.add(best.rack());
                }
                state.get(best.id())[0] += p.sizeBytes();
                state.get(best.id())[1]++;
            }
            Integer currentLeader = p.replicas().isEmpty() ? null : p.replicas().get(0);
            Broker leader = chosen.stream().min(Comparator
                    .comparingLong((Broker b) -> state.get(b.id())[2])
                    .thenComparingLong(b -> state.get(b.id())[3])
                    .thenComparingInt(b -> Objects.equals(currentLeader, b.id()) ? 0 : 1)
                    .thenComparingInt(Broker::id)).orElseThrow();
            state.get(leader.id())[2]++;
            state.get(leader.id())[3] += p.sizeBytes();
            placed.put(p.id(), chosen.stream().map(Broker::id).toList());
            leaders.put(p.id(), leader.id());
        }
        evenLeaders(placed, leaders, brokers);
        Map<TopicPartition, List<Integer>> result = new LinkedHashMap<>();
        placed.forEach((tp, chosen) -> {
            List<Integer> replicas = new ArrayList<>();
            replicas.add(leaders.get(tp));
            chosen.stream().filter(b -> !b.equals(leaders.get(tp))).forEach(replicas::add);
            result.put(tp, List.copyOf(replicas));
        });
        return result;
    }

    /**
     * Moves leaderships until no broker leads two more partitions than another, where the replicas
     * allow it: while some path leads from a broker with the most leaderships, through partitions
     * it leads that have a replica on the next broker, to a broker with at least two fewer, every
     * partition on the path takes the next broker as its leader. Each shift lowers the spread, so
     * this ends; taking the first path in id order keeps it deterministic.
     */
    private static void evenLeaders(Map<TopicPartition, List<Integer>> placed, Map<TopicPartition, Integer> leaders,
                                    List<Broker> brokers) {
        Map<Integer, Integer> count = new TreeMap<>();
        brokers.forEach(b -> count.put(b.id(), 0));
        leaders.values().forEach(l -> count.merge(l, 1, Integer::sum));
        while (true) {
            int max = count.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            boolean shifted = false;
            for (int start : count.keySet()) {
                if (count.get(start) != max) {
                    continue;
                }
                // Breadth-first over "x leads a partition with a replica on y"; remember how y was reached.
                Map<Integer, TopicPartition> via = new HashMap<>();
                Map<Integer, Integer> from = new HashMap<>();
                ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
                Set<Integer> seen = new HashSet<>(List.of(start));
                Integer end = null;
                while (!queue.isEmpty() && end == null) {
                    int x = queue.poll();
                    for (Map.Entry<TopicPartition, Integer> e : leaders.entrySet()) {
                        if (e.getValue() != x) {
                            continue;
                        }
                        for (int y : placed.get(e.getKey())) {
                            if (seen.add(y)) {
                                via.put(y, e.getKey());
                                from.put(y, x);
                                if (count.get(y) <= max - 2) {
                                    end = y;
                                    break;
                                }
                                queue.add(y);
                            }
                        }
                        if (end != null) {
                            break;
                        }
                    }
                }
                if (end != null) {
                    count.merge(start, -1, Integer::sum);
                    count.merge(end, 1, Integer::sum);
                    for (int y = end; y != start; y = from.get(y)) {
                        leaders.put(via.get(y), y);
                    }
                    shifted = true;
                    break;
                }
            }
            if (!shifted) {
                return;
            }
        }
    }

    /**
     * Kafka's rule for rack-aware placement: every broker has a rack or none has.
     *
     * @throws IllegalArgumentException naming the brokers without a rack
     */
    static void checkRacks(List<Broker> brokers) {
        List<Integer> without = brokers.stream().filter(b -> b.rack() == null).map(Broker::id).toList();
        if (!without.isEmpty() && without.size() != brokers.size()) {
            throw new IllegalArgumentException("brokers " + without + " have no rack while others have one; "
                    + "--disable-rack-aware places replicas without racks");
        }
    }

    /** What {@code assignment} puts on each broker, given each partition's size. */
    static List<Load> loads(Map<TopicPartition, List<Integer>> assignment, Map<TopicPartition, Long> sizes,
                            List<Integer> brokers) {
        Map<Integer, long[]> state = new LinkedHashMap<>();
        brokers.stream().sorted().forEach(b -> state.put(b, new long[4]));
        assignment.forEach((tp, replicas) -> {
            long size = sizes.getOrDefault(tp, 0L);
            for (int i = 0; i < replicas.size(); i++) {
                long[] s = state.computeIfAbsent(replicas.get(i), b -> new long[4]);
                s[0] += size;
                s[1]++;
                if (i == 0) {
                    s[2]++;
                    s[3] += size;
                }
            }
        });
        List<Load> loads = new ArrayList<>();
        state.forEach((b, s) -> loads.add(new Load(b, s[0], (int) s[1], (int) s[2], s[3])));
        return loads;
    }
}
