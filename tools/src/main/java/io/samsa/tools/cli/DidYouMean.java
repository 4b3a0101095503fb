package io.samsa.tools.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Suggests what a user meant by a name the tool does not know (a config key, an option, a topic):
 * the known names nearest to it by edit distance (insertions, deletions, substitutions and swaps of
 * adjacent characters, ignoring case), if that distance is small (at most a third of the name's
 * length, and at least one), or failing that the known names that start with it, shortest first.
 * Stateless.
 */
public final class DidYouMean {

    private static final int MAX_SUGGESTIONS = 3;

    private DidYouMean() {
    }

    /** Up to three known names {@code input} is probably a misspelling of; empty if none. */
    public static List<String> suggestions(String input, Collection<String> known) {
        String in = input.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, in.length() / 3);
        List<Scored> close = new ArrayList<>();
        for (String name : new TreeSet<>(known)) {
            if (name.equals(input)) {
                continue;
            }
            int d = distance(in, name.toLowerCase(Locale.ROOT));
            if (d <= limit) {
                close.add(new Scored(name, d));
            }
        }
        int best = close.stream().mapToInt(Scored::distance).min().orElse(0);
        close.removeIf(s -> s.distance() > best);
        if (close.isEmpty() && in.length() >= 2) {
            for (String name : new TreeSet<>(known)) {
                if (name.toLowerCase(Locale.ROOT).startsWith(in) && !name.equals(input)) {
                    close.add(new Scored(name, name.length() - in.length()));
                }
            }
        }
        close.sort(Comparator.comparingInt(Scored::distance));
        return close.stream().limit(MAX_SUGGESTIONS).map(Scored::name).toList();
    }

    /** {@code "; did you mean 'x'?"} (or {@code "'x' or 'y'"}), or the empty string when nothing is close. */
    public static String hint(String input, Collection<String> known) {
        return hint(input, known, name -> "'" + name + "'");
    }

    /** As {@link #hint(String, Collection)}, each suggestion written by {@code format}. */
    public static String hint(String input, Collection<String> known, Function<String, String> format) {
        List<String> s = suggestions(input, known);
        if (s.isEmpty()) {
            return "";
        }
        return "; did you mean " + s.stream().map(format).collect(Collectors.joining(" or ")) + "?";
    }

    /** Optimal-string-alignment distance: edits and adjacent swaps turning {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private record Scored(String name, int distance) {
    }
}
