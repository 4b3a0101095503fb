package io.samsa.systest.harness;

import java.util.List;

/** What a finished external command left behind: its exit code and its stdout and stderr text. Immutable. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    /** Fails with the whole command, exit code and both streams unless the exit code is 0. */
    public CommandResult assertSuccess() {
        if (exitCode != 0) {
            throw new AssertionError(describe());
        }
        return this;
    }

    /** stdout split into lines, without line terminators (a final newline adds no empty line). */
    public List<String> stdoutLines() {
        return stdout.lines().toList();
    }

    public String describe() {
        // A JVM's classpath argument runs to thousands of characters and says nothing useful here.
        List<String> shown = command.stream().map(a -> a.length() > 300 ? "<" + a.length() + " chars>" : a).toList();
        return "command " + shown + " exited with " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
}
