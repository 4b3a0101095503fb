package io.samsa.tools.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a listing or describing tool prints its result ({@code --output}): Kafka's text, or one JSON
 * document with stable field names for scripts.
 */
public enum OutputFormat {
    TABLE, JSON;

    /** The format named on the command line, in any case. */
    public static OutputFormat parse(String name) throws UsageException {
        for (OutputFormat f : values()) {
            if (f.label().equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        List<String> labels = Arrays.stream(values()).map(OutputFormat::label).toList();
        throw new UsageException("--output must be " + String.join(" or ", labels) + ", not '" + name + "'"
                + DidYouMean.hint(name, labels));
    }

    /** {@code table} or {@code json}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
