package io.samsa.tools.topics;

import io.samsa.tools.cli.UsageException;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which topics a {@code --topic} argument names, as Kafka's tools read it: a regular expression
 * that must match a whole name, where a comma means "or" and spaces and surrounding quotes are
 * dropped; a plain name therefore names itself. Immutable.
 */
final class TopicFilter {

    /** Characters that make an argument a pattern rather than a name ('.' is common in names, so it does not count). */
    private static final Pattern PATTERN_CHARS = Pattern.compile("[*+?\\[\\](){}|^$\\\\,]");

    private final String argument;
    private final Pattern pattern;

    private TopicFilter(String argument, Pattern pattern) {
        this.argument = argument;
        this.pattern = pattern;
    }

    /** The filter of a {@code --topic} argument; an invalid expression is a usage error. */
    static TopicFilter of(String argument) throws UsageException {
        String regex = argument.trim().replace(',', '|').replace(" ", "")
                .replaceAll("^[\"']+", "").replaceAll("[\"']+$", "");
        try {
            return new TopicFilter(argument, Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new UsageException("--topic '" + argument + "' is not a valid regular expression: "
                    + e.getDescription());
        }
    }

    boolean matches(String topic) {
        return pattern.matcher(topic).matches();
    }

    /** Whether the argument is meant as a pattern rather than one topic's name. */
    boolean isPattern() {
        return PATTERN_CHARS.matcher(argument).find();
    }

    /** The argument as given. */
    String argument() {
        return argument;
    }
}
