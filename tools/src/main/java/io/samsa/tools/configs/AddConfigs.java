package io.samsa.tools.configs;

import io.samsa.tools.cli.UsageException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads {@code --add-config} as Kafka's tool does: {@code k1=v1,k2=v2}, where square brackets keep
 * a list value's commas ({@code k=[a,b]} sets {@code a,b}), a value may be empty
 * ({@code k=}), and a key has only letters, digits, dots, dashes and underscores. Stateless.
 */
final class AddConfigs {

    /** A comma not inside square brackets. */
    private static final Pattern SEPARATOR = Pattern.compile(",(?=[^\\]]*(?:\\[|$))");
    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9._-]+");

    private AddConfigs() {
    }

    /** The pairs in order; a later value of the same key wins. */
    static Map<String, String> parse(String text) throws UsageException {
        Map<String, String> configs = new LinkedHashMap<>();
        for (String pair : SEPARATOR.split(text.trim(), -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new UsageException("--add-config takes key=value pairs separated by commas (a list value in "
                        + "brackets: k=[a,b]), not '" + pair.trim() + "'");
            }
            put(configs, pair.substring(0, eq).trim(), pair.substring(eq + 1).replace("[", "").replace("]", "").trim());
        }
        return configs;
    }

    /** The keys and values of an {@code --add-config-file}, sorted by key. */
    static Map<String, String> fromFile(Properties file) throws UsageException {
        Map<String, String> configs = new LinkedHashMap<>();
        for (String key : new TreeSet<>(file.stringPropertyNames())) {
            put(configs, key.trim(), file.getProperty(key).trim());
        }
        return configs;
    }

    private static void put(Map<String, String> configs, String key, String value) throws UsageException {
        if (!KEY.matcher(key).matches()) {
            throw new UsageException("invalid config key '" + key + "': only letters, digits, '.', '-' and '_'");
        }
        configs.put(key, value);
    }
}
