package io.samsa.tools.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Client properties as Kafka's tools take them: a properties file named by an option
 * ({@code --command-config}, {@code --producer.config}, ...), {@code key=value} overrides
 * ({@code --property}), and a check of the keys against the keys a client knows, which names the
 * unknown ones with a "did you mean". Stateless.
 */
public final class ClientProperties {

    private ClientProperties() {
    }

    /** The properties in {@code file}, which {@code option} named; a file that cannot be read is a {@link ToolFailure}. */
    public static Properties load(Path file, String option) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (NoSuchFileException e) {
            throw new ToolFailure(option + " " + file + ": no such file", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ToolFailure(option + " " + file + ": cannot read it: " + e.getMessage(), e);
        }
        return props;
    }

    /**
     * Sets {@code key=value} pairs over {@code props}; the value is everything after the first
     * {@code =}.
     *
     * @throws UsageException for a pair without {@code =} or without a key
     */
    public static void override(Properties props, Collection<String> pairs, String option) throws UsageException {
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UsageException(option + " takes key=value, not '" + pair + "'");
            }
            props.setProperty(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
    }

    /**
     * As {@link #override}, but keeping the value exactly as given, spaces included: for settings
     * such as a separator, where {@code key.separator= | } means a bar between two spaces.
     */
    public static void overrideVerbatim(Properties props, Collection<String> pairs, String option) throws UsageException {
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || pair.substring(0, eq).isBlank()) {
                throw new UsageException(option + " takes key=value, not '" + pair + "'");
            }
            props.setProperty(pair.substring(0, eq).trim(), pair.substring(eq + 1));
        }
    }

    /**
     * One warning per key of {@code props} not in {@code known}, saying where it came from and
     * what it was probably meant to be; the client ignores such keys.
     *
     * @param what the client and source, for example {@code "admin client config in --command-config a.properties"}
     */
    public static List<String> unknownKeyWarnings(Properties props, Collection<String> known, String what) {
        List<String> warnings = new ArrayList<>();
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            if (!known.contains(key)) {
                warnings.add("unknown " + what + " '" + key + "' is ignored" + DidYouMean.hint(key, known));
            }
        }
        return warnings;
    }
}
