package io.samsa.tools.cli;

import joptsimple.BuiltinHelpFormatter;
import joptsimple.OptionException;
import joptsimple.OptionParser;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The tools' use of jopt-simple in one place: a parser formatted alike for every tool, parsing
 * that turns jopt-simple's exceptions into one-line {@link UsageException}s (an unknown option
 * with a "did you mean", a missing value, a value of the wrong type, stray arguments), and the
 * usage printer. Long options may be abbreviated to any unique prefix, as in Kafka's tools.
 * Stateless.
 */
public final class CommandLine {

    private static final int HELP_WIDTH = 110;
    private static final Pattern QUOTED_VALUE = Pattern.compile("'(.*)'");

    private CommandLine() {
    }

    /** A fresh parser whose help lists options with wrapped descriptions. */
    public static OptionParser parser() {
        OptionParser parser = new OptionParser();
        parser.formatHelpWith(new BuiltinHelpFormatter(HELP_WIDTH, 2));
        return parser;
    }

    /**
     * Parses {@code args}; positional arguments are refused (no tool takes any), since a stray
     * word usually means a flag's value was split or a flag lost its dashes.
     */
    public static OptionSet parse(OptionParser parser, String... args) throws UsageException {
        OptionSet set;
        try {
            set = parser.parse(args);
        } catch (OptionException e) {
            throw usageError(e, parser);
        }
        if (!set.nonOptionArguments().isEmpty()) {
            throw new UsageException("unexpected argument(s): " + set.nonOptionArguments().stream()
                    .map(String::valueOf).collect(Collectors.joining(" ")));
        }
        return set;
    }

    /** The one-line usage error for jopt-simple's exception (also thrown when a value is converted). */
    public static UsageException usageError(OptionException e, OptionParser parser) {
        List<String> names = e.options();
        String name = names.isEmpty() ? "" : names.get(0);
        Set<String> known = knownOptions(parser);
        switch (e.getClass().getSimpleName()) {
            case "UnrecognizedOptionException":
                return new UsageException("unknown option " + dashed(name) + DidYouMean.hint(name, known, CommandLine::dashed));
            case "OptionMissingRequiredArgumentException":
                return new UsageException(dashed(name) + " needs a value");
            case "OptionArgumentConversionException":
                Matcher m = QUOTED_VALUE.matcher(String.valueOf(e.getMessage()));
                String value = m.find() ? m.group(1) : "?";
                return new UsageException(dashed(name) + (rootCause(e) instanceof NumberFormatException
                        ? " takes a number, not '" + value + "'" : ": invalid value '" + value + "'"));
            default:
                return new UsageException(String.valueOf(e.getMessage()));
        }
    }

    /** Fails unless {@code spec} was given. */
    public static void require(OptionSet set, OptionSpec<?> spec) throws UsageException {
        if (!set.has(spec)) {
            throw new UsageException("missing required option " + flag(spec));
        }
    }

    /** {@code --name} of an option. */
    public static String flag(OptionSpec<?> spec) {
        List<String> names = spec.options();
        return dashed(names.get(names.size() - 1));
    }

    /** Prints {@code description}, a blank line, and the options. */
    public static void printUsage(OptionParser parser, String description, PrintStream out) {
        out.println(description);
        out.println();
        try {
            parser.printHelpOn(out);
        } catch (IOException e) {
            // A PrintStream does not throw; this is only the signature.
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    private static Set<String> knownOptions(OptionParser parser) {
        return parser.recognizedOptions().keySet().stream().filter(k -> !k.startsWith("[")).collect(Collectors.toSet());
    }

    private static String dashed(String name) {
        return name.length() == 1 ? "-" + name : "--" + name;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
