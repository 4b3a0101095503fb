package io.samsa.core.server;

import io.samsa.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * {@code samsa-server-start.sh server.properties [--override key=value]...}: runs one broker in
 * the foreground until SIGTERM/SIGINT, then shuts it down cleanly (deregister, flush, clean-shutdown
 * marker). Exit code 1 on a startup failure, 2 on misuse.
 */
public final class SamsaServerMain {

    private static final Logger log = LoggerFactory.getLogger(SamsaServerMain.class);

    private SamsaServerMain() {
    }

    public static void main(String[] args) {
        Map<String, String> props;
        try {
            props = loadProps(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("USAGE: samsa-server-start.sh server.properties [--override property=value]*");
            System.exit(2);
            return;
        }
        SamsaServer server;
        try {
            server = new SamsaServer(new BrokerConfig(props));
        } catch (ConfigException e) {
            System.err.println("Invalid configuration: " + e.getMessage());
            System.exit(1);
            return;
        }
        runUntilSignalled(server::startup, server::shutdown, "broker " + server.config().brokerId());
    }

    /** Starts, then blocks until a shutdown signal has run {@code stop} to completion. */
    static void runUntilSignalled(ThrowingRunnable start, Runnable stop, String what) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            } finally {
                stopped.countDown();
            }
        }, "samsa-shutdown"));
        try {
            start.run();
        } catch (Exception e) {
            log.error("Fatal error during startup of {}; shutting down", what, e);
            System.exit(1);
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A startup step that may fail. */
    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static Map<String, String> loadProps(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("Missing the server.properties argument");
        }
        Path file = Path.of(args[0]);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> props = new HashMap<>();
        for (String name : p.stringPropertyNames()) {
            props.put(name, p.getProperty(name).trim());
        }
        for (int i = 1; i < args.length; i++) {
            if (!args[i].equals("--override") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            String kv = args[++i];
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--override needs key=value, got " + kv);
            }
            props.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return props;
    }
}
