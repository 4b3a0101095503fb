package io.samsa.systest.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a separate JVM that runs a main class on this test JVM's own
 * classpath (so Apache Kafka's broker and CLI tools, which are test dependencies, can run as real
 * processes). The child logs through the test classpath's logback-test.xml, to stderr. Stateless.
 */
public final class JavaCommand {

    private JavaCommand() {
    }

    public static List<String> of(String mainClass, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
