package io.samsa.generator;

/**
 * Java source text under construction, four spaces per indentation level. {@link #open} and
 * {@link #close} keep braces and indentation together. Not thread-safe.
 */
final class CodeBuffer {

    private final StringBuilder text = new StringBuilder();
    private int indent;

    CodeBuffer(int indent) {
        this.indent = indent;
    }

    /** Writes one line at the current indentation; an empty line stays empty. */
    CodeBuffer line(String line) {
        if (!line.isEmpty()) {
            text.append("    ".repeat(indent)).append(line);
        }
        text.append('\n');
        return this;
    }

    CodeBuffer blank() {
        text.append('\n');
        return this;
    }

    /** Writes {@code head + " {"} and indents what follows. */
    CodeBuffer open(String head) {
        line(head + " {");
        indent++;
        return this;
    }

    /** Opens a bare block, for locals that must not leak into what follows. */
    CodeBuffer block() {
        line("{");
        indent++;
        return this;
    }

    /** Ends the innermost block with {@code "}" + tail}. */
    CodeBuffer close(String tail) {
        indent--;
        return line("}" + tail);
    }

    CodeBuffer close() {
        return close("");
    }

    /** Closes one block and opens the next on the same line, as in {@code } else {}. */
    CodeBuffer reopen(String head) {
        indent--;
        line("} " + head + " {");
        indent++;
        return this;
    }

    /** Appends already indented text, such as a nested class written by another buffer. */
    CodeBuffer append(String other) {
        text.append(other);
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
