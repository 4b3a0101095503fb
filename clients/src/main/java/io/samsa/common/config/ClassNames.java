package io.samsa.common.config;

import java.util.Map;

/**
 * Loads the classes that configurations name (serializers, partitioners, assignors), reading
 * Kafka's public class names as Samsa's: {@code org.apache.kafka.common.serialization.StringSerializer}
 * loads {@code io.samsa.common.serialization.StringSerializer}. Users copy client configurations
 * from Kafka, and Samsa's client library mirrors Kafka's packages, so the mapping is by package.
 * Stateless; thread-safe.
 */
public final class ClassNames {

    /** Kafka's packages of pluggable client classes, and Samsa's counterparts. */
    private static final Map<String, String> PACKAGES = Map.of(
            "org.apache.kafka.common.serialization.", "io.samsa.common.serialization.",
            "org.apache.kafka.clients.producer.", "io.samsa.clients.producer.",
            "org.apache.kafka.clients.consumer.", "io.samsa.clients.consumer.");

    private ClassNames() {
    }

    /** Whether {@code className} is in one of Kafka's packages that have a Samsa counterpart. */
    public static boolean isKafkaName(String className) {
        return PACKAGES.keySet().stream().anyMatch(className::startsWith);
    }

    /** The Samsa name of a Kafka class name; any other name unchanged. */
    public static String toSamsaName(String className) {
        for (Map.Entry<String, String> e : PACKAGES.entrySet()) {
            if (className.startsWith(e.getKey())) {
                return e.getValue() + className.substring(e.getKey().length());
            }
        }
        return className;
    }

    /**
     * The class a configuration value names, through the thread's context class loader (else this
     * library's).
     *
     * @param key the configuration key, for the error message
     * @throws ConfigException naming the key if there is no such class (for a Kafka name: no Samsa
     *         counterpart)
     */
    public static Class<?> load(String key, String className) {
        String name = toSamsaName(className.trim());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ClassNames.class.getClassLoader();
        }
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            String problem = name.equals(className.trim()) ? "class not found"
                    : "Kafka's class has no Samsa counterpart (" + name + " not found)";
            throw new ConfigException(key, className, problem);
        }
    }
}
