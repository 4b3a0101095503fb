package io.samsa.core.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.Exit;

/**
 * One run of an Apache Kafka command-line tool's {@code main} in this JVM, against brokers running
 * in it too: what it printed on stdout (without the brokers' log lines) and its exit code (the tools
 * call Kafka's {@code Exit}, trapped here).
 */
record KafkaToolRun(int exitCode, List<String> lines) {

    /** A log line of the brokers in this JVM (logback-test.xml's pattern), not the tool's output. */
    private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*");

    String output() {
        return String.join("\n", lines);
    }

    /** Runs {@code main} with {@code args}; one tool at a time, since stdout is the JVM's. */
    static synchronized KafkaToolRun run(Consumer<String[]> main, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exitCode = 0;
        Exit.setExitProcedure((code, message) -> {
            throw new ToolExited(code);
        });
        try {
            // Teed: the brokers' log lines written meanwhile still reach the test's output.
            System.setOut(new PrintStream(new TeeOutputStream(captured, original), true, StandardCharsets.UTF_8));
            main.accept(args);
        } catch (ToolExited e) {
            exitCode = e.code;
        } finally {
            System.setOut(original);
            Exit.resetExitProcedure();
        }
        List<String> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !LOG_LINE.matcher(line).matches()) {
                lines.add(line);
            }
        }
        return new KafkaToolRun(exitCode, lines);
    }

    private static final class ToolExited extends RuntimeException {
        final int code;

        ToolExited(int code) {
            super("exit " + code);
            this.code = code;
        }
    }

    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeOutputStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
