package io.samsa.clients.consumer.internals;

import io.samsa.common.config.ClassNames;
import io.samsa.common.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The names a {@code partition.assignment.strategy} entry may take, and the one each stands for:
 * a protocol name ({@code range}, {@code roundrobin}, {@code sticky}, {@code cooperative-sticky}),
 * Kafka's class name of a built-in assignor, or any class name. Kafka's names are rewritten to
 * Samsa's; the other forms are kept as given, and turned into assignors when the consumer starts.
 * Stateless; thread-safe.
 */
public final class AssignmentStrategies {

    private static final String PACKAGE = "io.samsa.clients.consumer.";

    /** The built-in strategies: protocol name to Samsa class name. */
    public static final Map<String, String> BUILT_IN = Map.of(
            "range", PACKAGE + "RangeAssignor",
            "roundrobin", PACKAGE + "RoundRobinAssignor",
            "sticky", PACKAGE + "StickyAssignor",
            "cooperative-sticky", PACKAGE + "CooperativeStickyAssignor");

    /** Kafka 3.9's default, range then cooperative-sticky, by Samsa class name. */
    public static final List<String> DEFAULT = List.of(BUILT_IN.get("range"), BUILT_IN.get("cooperative-sticky"));

    private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    private AssignmentStrategies() {
    }

    /**
     * The entries with Kafka's class names rewritten to Samsa's.
     *
     * @throws ConfigException naming {@code key} for an entry that is neither a protocol name of
     *         a built-in strategy nor a class name, or for an empty list
     */
    public static List<String> normalize(String key, List<String> entries) {
        if (entries.isEmpty()) {
            throw new ConfigException(key, entries, "at least one strategy is needed");
        }
        List<String> out = new ArrayList<>(entries.size());
        for (String entry : entries) {
            if (BUILT_IN.containsKey(entry)) {
                out.add(entry);
            } else if (CLASS_NAME.matcher(entry).matches()) {
                out.add(ClassNames.toSamsaName(entry));
            } else {
                throw new ConfigException(key, entries, "'" + entry + "' is neither one of " + BUILT_IN.keySet()
                        + " nor a class name");
            }
        }
        return List.copyOf(out);
    }

    /** The class name an entry stands for: a built-in strategy's for its protocol name, else the entry. */
    public static String className(String entry) {
        return BUILT_IN.getOrDefault(entry, ClassNames.toSamsaName(entry));
    }
}
