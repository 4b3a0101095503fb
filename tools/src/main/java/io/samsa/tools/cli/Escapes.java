package io.samsa.tools.cli;

/**
 * The backslash escapes the tools accept in separators and formats typed on a command line, where
 * a tab or a newline is awkward to type: {@code \t}, {@code \n}, {@code \r} and {@code \\}. Any
 * other backslash stays as it is. Stateless.
 */
public final class Escapes {

    private Escapes() {
    }

    /** {@code s} with each escape replaced by the character it stands for. */
    public static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 't' -> b.append('\t');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case '\\' -> b.append('\\');
                    default -> b.append(c).append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
