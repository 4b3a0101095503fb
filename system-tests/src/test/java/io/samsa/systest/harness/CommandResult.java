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
        return "command " + command + " exited with " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
}
