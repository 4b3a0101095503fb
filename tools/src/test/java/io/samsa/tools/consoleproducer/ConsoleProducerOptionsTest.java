package io.samsa.tools.consoleproducer;

import io.samsa.tools.cli.ToolFailure;
import io.samsa.tools.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleProducerOptionsTest {

    @Test
    void kafkasDefaultsBecomeProducerSettings() throws UsageException {
        ConsoleProducerOptions o = parse();
        Properties p = o.producerProps();
        assertEquals("h:1", p.getProperty("bootstrap.servers"));
        assertEquals("t", o.topic());
        assertEquals("none", p.getProperty("compression.type"));
        assertEquals("1000", p.getProperty("linger.ms"));
        assertEquals("-1", p.getProperty("acks"));
        assertEquals("1500", p.getProperty("request.timeout.ms"));
        assertEquals("3", p.getProperty("retries"));
        assertEquals("16384", p.getProperty("batch.size"));
        assertEquals("60000", p.getProperty("max.block.ms"));
        assertEquals("console-producer", p.getProperty("client.id"));
        assertFalse(o.sync());
        assertEquals(List.of(), o.warnings());
    }

    @Test
    void flagsSetTheirProducerSettings() throws UsageException {
        Properties p = parse("--compression-codec", "lz4", "--sync", "--request-required-acks", "1", "--batch-size", "100",
                "--timeout", "5", "--request-timeout-ms", "3000", "--max-block-ms", "2000").producerProps();
        assertEquals("lz4", p.getProperty("compression.type"));
        assertEquals("1", p.getProperty("acks"));
        assertEquals("100", p.getProperty("batch.size"));
        assertEquals("5", p.getProperty("linger.ms"));
        assertEquals("3000", p.getProperty("request.timeout.ms"));
        assertEquals("2000", p.getProperty("max.block.ms"));
        assertEquals("gzip", parse("--compression-codec").producerProps().getProperty("compression.type"),
                "gzip when the flag has no value, as in Kafka");
        assertEquals("0", parse("--sync").producerProps().getProperty("linger.ms"), "a record waited for alone never fills a batch");
        assertEquals("20", parse("--sync", "--timeout", "20").producerProps().getProperty("linger.ms"));
    }

    @Test
    void everyTuningFlagOfKafkasToolSetsItsProducerSetting() throws UsageException {
        Properties p = parse("--message-send-max-retries", "7", "--retry-backoff-ms", "250", "--max-memory-bytes", "1048576",
                "--socket-buffer-size", "65536", "--metadata-expiry-ms", "60000", "--batch-size", "1000").producerProps();
        assertEquals("7", p.getProperty("retries"));
        assertEquals("250", p.getProperty("retry.backoff.ms"));
        assertEquals("1048576", p.getProperty("buffer.memory"));
        assertEquals("65536", p.getProperty("send.buffer.bytes"));
        assertEquals("60000", p.getProperty("metadata.max.age.ms"));
        assertEquals("1000", p.getProperty("batch.size"));
        Properties defaults = parse().producerProps();
        assertEquals("100", defaults.getProperty("retry.backoff.ms"));
        assertEquals("33554432", defaults.getProperty("buffer.memory"));
        assertEquals("102400", defaults.getProperty("send.buffer.bytes"));
        assertEquals("300000", defaults.getProperty("metadata.max.age.ms"));
        assertEquals("2048", parse("--batch-size", "1000", "--max-partition-memory-bytes", "2048").producerProps()
                .getProperty("batch.size"), "as in Kafka, --max-partition-memory-bytes wins over --batch-size");
        assertEquals("takes a number, not 'x'", fails("--metadata-expiry-ms", "x").replaceFirst("^--metadata-expiry-ms ", ""));
    }

    @Test
    void theReaderConfigFileIsReadAndPropertiesWinOverIt(@TempDir Path dir) throws IOException, UsageException {
        Path file = Files.writeString(dir.resolve("reader.properties"), "parse.key=true\nkey.separator=|\nignore.error=true\n");
        Properties r = parse("--reader-config", file.toString(), "--property", "key.separator=:").readerProps();
        assertEquals("true", r.getProperty("parse.key"));
        assertEquals(":", r.getProperty("key.separator"), "--property wins over --reader-config");
        assertEquals("true", r.getProperty("ignore.error"));
        assertEquals(List.of(), parse("--reader-config", file.toString()).warnings());
        assertEquals("--reader-config " + dir.resolve("missing") + ": no such file", assertThrows(ToolFailure.class,
                () -> parse("--reader-config", dir.resolve("missing").toString())).getMessage());
    }

    @Test
    void theConfigFileWinsOverDefaultsButNotOverFlags(@TempDir Path dir) throws IOException, UsageException {
        Path file = dir.resolve("p.properties");
        Files.writeString(file, "linger.ms=7\nacks=1\ncompression.type=zstd\nlinger.msx=1\n");
        ConsoleProducerOptions o = parse("--producer.config", file.toString(), "--request-required-acks", "0",
                "--producer-property", "client.id=me", "--producer-property", "retries=9");
        Properties p = o.producerProps();
        assertEquals("7", p.getProperty("linger.ms"), "the file's value, since --timeout was not given");
        assertEquals("0", p.getProperty("acks"), "the flag's");
        assertEquals("zstd", p.getProperty("compression.type"));
        assertEquals("me", p.getProperty("client.id"));
        assertEquals("9", p.getProperty("retries"));
        assertEquals(List.of("unknown producer config in --producer.config " + file
                + " 'linger.msx' is ignored; did you mean 'linger.ms'?"), o.warnings());
    }

    @Test
    void keyAndHeaderSeparatorsTurnOnParsing() throws UsageException {
        Properties r = parse("--key-separator", ":", "--header-separator", "\\t").readerProps();
        assertEquals("true", r.getProperty("parse.key"));
        assertEquals(":", r.getProperty("key.separator"));
        assertEquals("true", r.getProperty("parse.headers"));
        assertEquals("\t", r.getProperty("headers.delimiter"), "\\t is a tab");
        Properties k = parse("--property", "parse.key=true", "--property", "key.separator=|").readerProps();
        assertEquals("|", k.getProperty("key.separator"));
        assertEquals(List.of("unknown --property 'parse.kye' is ignored; did you mean 'parse.key'?"),
                parse("--property", "parse.kye=true").warnings());
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        assertEquals("missing required option --bootstrap-server",
                assertThrows(UsageException.class, () -> ConsoleProducerOptions.parse("--topic", "t")).getMessage());
        assertEquals("missing required option --topic",
                assertThrows(UsageException.class, () -> ConsoleProducerOptions.parse("--bootstrap-server", "h:1")).getMessage());
        assertEquals("--compression-codec must be one of none, gzip, snappy, lz4, zstd, not 'lz5'; did you mean 'lz4'?",
                fails("--compression-codec", "lz5"));
        assertEquals("--request-required-acks must be -1 (all), 0 or 1, not '2'", fails("--request-required-acks", "2"));
        assertEquals("unknown option --key-seperator; did you mean --key-separator?", fails("--key-seperator", ":"));
        assertEquals("headers.delimiter and headers.separator may not be equal (',')", fails("--header-separator", ","));
        assertEquals("--line-reader my.Reader: only Kafka's line reader is available (leave the option out)",
                fails("--line-reader", "my.Reader"));
        assertEquals("--producer-property takes key=value, not 'acks'", fails("--producer-property", "acks"));
    }

    @Test
    void brokerListIsTheDeprecatedSpelling() throws UsageException {
        ConsoleProducerOptions o = ConsoleProducerOptions.parse("--broker-list", "b:2", "--topic", "t");
        assertEquals("b:2", o.bootstrapServer());
        assertNull(ConsoleProducerOptions.parse("--help"));
        assertTrue(parse("--sync").sync());
    }

    private static ConsoleProducerOptions parse(String... args) throws UsageException {
        String[] all = new String[args.length + 4];
        all[0] = "--bootstrap-server";
        all[1] = "h:1";
        all[2] = "--topic";
        all[3] = "t";
        System.arraycopy(args, 0, all, 4, args.length);
        return ConsoleProducerOptions.parse(all);
    }

    private static String fails(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }
}
