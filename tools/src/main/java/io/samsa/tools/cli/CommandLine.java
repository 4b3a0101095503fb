package io.samsa.tools.cli;

import joptsimple.AbstractOptionSpec;
import joptsimple.BuiltinHelpFormatter;
import joptsimple.OptionException;
import joptsimple.OptionParser;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The tools' use of jopt-simple in one place: a parser formatted alike for every tool, parsing
 * that turns jopt-simple's exceptions into one-line {@link UsageException}s (an unknown option
 * with a "did you mean", a missing value, a value of the wrong type, stray arguments), and the
 * usage printer. Long options may be abbreviated to any unique prefix, as in Kafka's tools.
 *
 * <p>A tool's options class declares its options on a {@link Declarations} and reads them back
 * with a {@link Reader}; {@link #parse(Supplier, Reader, String...)} does the rest the same way
 * for every tool: parse, {@code --help}, and jopt-simple's exceptions as usage errors.
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
     * A tool's options, declared on their own parser ({@link #parser}) by a subclass's fields or
     * constructor. Not thread-safe; one per command line read or usage printed.
     */
    public abstract static class Declarations {
        /** The parser the subclass declares its options on. */
        protected final OptionParser parser = CommandLine.parser();
        /** Every tool's {@code --version}, as Kafka's tools have it. */
        final OptionSpec<Void> version = parser.accepts("version", "Print the version and exit.").forHelp();

        /** Prints the options alone, without a description. */
        public void printHelpOn(OutputStream out) throws IOException {
            parser.printHelpOn(out);
        }
    }

    /**
     * Turns what was parsed into a tool's options, checking everything that can be checked
     * without the cluster.
     *
     * @param <D> the declarations the command line was parsed with
     * @param <O> the tool's options
     */
    @FunctionalInterface
    public interface Reader<D extends Declarations, O> {
        /** The options; {@code --help} never reaches here. */
        O read(D declared, OptionSet set) throws UsageException;
    }

    /**
     * A tool's whole command line: declares the options afresh, parses {@code args} refusing
     * positional arguments, and reads them.
     *
     * @return the options, or null for {@code --help}
     * @throws UsageException for a command line that cannot run, with the reason in one line
     *                        (including a value of the wrong type, found when it is read)
     */
    public static <D extends Declarations, O> O parse(Supplier<D> declare, Reader<D, O> reader, String... args)
            throws UsageException {
        return parse(declare, reader, false, args);
    }

    /**
     * As {@link #parse(Supplier, Reader, String...)}, but leaves words that are no option's
     * value in the {@link OptionSet} for the reader (a tool whose option takes several values).
     */
    public static <D extends Declarations, O> O parseKeepingArguments(Supplier<D> declare, Reader<D, O> reader,
                                                                    String... args) throws UsageException {
        return parse(declare, reader, true, args);
    }

    /** Prints {@code description}, a blank line, and the options {@code declare} makes. */
    public static void printUsage(Supplier<? extends Declarations> declare, String description, PrintStream out) {
        printUsage(declare.get().parser, description, out);
    }

    private static <D extends Declarations, O> O parse(Supplier<D> declare, Reader<D, O> reader,
                                                       boolean keepArguments, String... args) throws UsageException {
        D declared = declare.get();
        try {
            OptionSet set;
            if (keepArguments) {
                set = declared.parser.parse(args);
            } else {
                set = parse(declared.parser, args);
            }
            if (set.has(declared.version)) {
                throw new VersionRequested();
            }
            return helpAsked(set) ? null : reader.read(declared, set);
        } catch (OptionException e) {
            throw usageError(e, declared.parser);
        }
    }

    /** {@code --version} was given: the tool prints its version and exits 0 without running. */
    public static final class VersionRequested extends RuntimeException {
        VersionRequested() {
            super("--version", null, false, false);
        }
    }

    /** Whether an option declared {@code forHelp()} was given. */
    private static boolean helpAsked(OptionSet set) {
        return set.specs().stream().anyMatch(s -> s instanceof AbstractOptionSpec<?> a && a.isForHelp());
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
