package io.samsa.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layering rule of one module's packages: the packages directly under a base package (for core,
 * {@code io.samsa.core.log}, {@code ...server}, ...) sit in ordered layers, and code may use its own
 * layer and the layers below, never one above. Checked on the sources, so an import, a static import
 * and a fully qualified name in code all count; comments and string literals do not. A package in no
 * layer is a violation too, so a new package must be placed. Immutable once built; thread-safe.
 *
 * <pre>{@code
 * PackageLayers rule = PackageLayers.of("core", "io.samsa.core")
 *     .layer("log", "network")
 *     .layer("replication", "coordinator", "controller")
 *     .layer("server");
 * List<String> broken = rule.violations(Path.of("src/main/java"));
 * }</pre>
 */
public final class PackageLayers {

    private final String name;
    private final String base;
    private final List<Set<String>> layers;
    private final Pattern reference;

    private PackageLayers(String name, String base, List<Set<String>> layers) {
        this.name = name;
        this.base = base;
        this.layers = layers;
        this.reference = Pattern.compile("\\b" + Pattern.quote(base) + "\\.([a-z][a-z0-9_]*)\\b");
    }

    /** A rule with no layers yet; {@code name} appears in every violation. */
    public static PackageLayers of(String name, String basePackage) {
        return new PackageLayers(name, basePackage, List.of());
    }

    /** The rule with one more layer, above every layer given so far. */
    public PackageLayers layer(String... packages) {
        List<Set<String>> more = new ArrayList<>(layers);
        more.add(Set.copyOf(new LinkedHashSet<>(List.of(packages))));
        for (String p : packages) {
            if (levelOf(p) >= 0) {
                throw new IllegalArgumentException(p + " is already in a layer");
            }
        }
        return new PackageLayers(name, base, List.copyOf(more));
    }

    /** The rule in one line, lowest layer first: {@code core: log, network < ... < server}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(name).append(": ");
        for (int i = 0; i < layers.size(); i++) {
            if (i > 0) {
                sb.append(" < ");
            }
            sb.append(String.join(", ", layers.get(i).stream().sorted().toList()));
        }
        return sb.toString();
    }

    /** Every violation in the Java sources under {@code sourceRoot}, one line each, sorted. */
    public List<String> violations(Path sourceRoot) {
        List<String> out = new ArrayList<>();
        forEachSource(sourceRoot, (name, text) -> out.addAll(violations(name, text)));
        return out;
    }

    /**
     * Every use, in code under {@code sourceRoot}, of a package starting with one of
     * {@code forbiddenPrefixes} (imports and fully qualified names; comments and strings do not
     * count): for a module that must reach a library only through another module.
     */
    public static List<String> usesOf(Path sourceRoot, String... forbiddenPrefixes) {
        List<String> out = new ArrayList<>();
        forEachSource(sourceRoot, (name, text) -> {
            String[] lines = JavaCode.withoutCommentsAndLiterals(text).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                for (String prefix : forbiddenPrefixes) {
                    if (Pattern.compile("\\b" + Pattern.quote(prefix) + "\\b").matcher(lines[i]).find()) {
                        out.add(name + ":" + (i + 1) + ": uses " + prefix);
                    }
                }
            }
        });
        return out;
    }

    /** Calls {@code action} with the path (relative to the root) and text of every Java file, in path order. */
    private static void forEachSource(Path sourceRoot, BiConsumer<String, String> action) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                action.accept(sourceRoot.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations in one source file's text; {@code fileName} only labels them. */
    public List<String> violations(String fileName, String source) {
        String code = JavaCode.withoutCommentsAndLiterals(source);
        Matcher pkg = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;").matcher(code);
        if (!pkg.find()) {
            return List.of();
        }
        String own = topPackage(pkg.group(1));
        if (own == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        int ownLevel = levelOf(own);
        if (ownLevel < 0) {
            out.add(fileName + ": package " + (own.isEmpty() ? base : base + "." + own) + " is in no layer of the rule \""
                + describe() + "\"; place it in one");
            return out;
        }
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = reference.matcher(lines[i]);
            while (m.find()) {
                String used = m.group(1);
                int usedLevel = levelOf(used);
                if (usedLevel > ownLevel) {
                    out.add(fileName + ":" + (i + 1) + ": " + own + " uses " + base + "." + used + ", a layer above it; rule \""
                        + describe() + "\": a package may use only its own layer and those below");
                } else if (usedLevel < 0 && !used.equals(own)) {
                    out.add(fileName + ":" + (i + 1) + ": " + own + " uses " + base + "." + used + ", which is in no layer of the rule \""
                        + describe() + "\"");
                }
            }
        }
        return out;
    }

    /** The package directly under the base that {@code pkg} is in; "" for the base itself; null outside it. */
    private String topPackage(String pkg) {
        if (pkg.equals(base)) {
            return "";
        }
        if (!pkg.startsWith(base + ".")) {
            return null;
        }
        String rest = pkg.substring(base.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private int levelOf(String topPackage) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).contains(topPackage)) {
                return i;
            }
        }
        return -1;
    }
}
