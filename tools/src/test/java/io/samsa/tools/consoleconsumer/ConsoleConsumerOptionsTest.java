package io.samsa.tools.consoleconsumer;

import io.samsa.clients.consumer.ConsumerRecord;
import io.samsa.common.header.internals.RecordHeaders;
import io.samsa.record.TimestampType;
import io.samsa.tools.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleConsumerOptionsTest {

    @Test
    void aTopicWithoutAGroupIsReadFromTheEndByDefault() throws UsageException {
        ConsoleConsumerOptions o = parse("--topic", "t");
        assertEquals("t", o.topic());
        assertNull(o.include());
        assertNull(o.group());
        assertNull(o.startOffset());
        assertEquals(-1, o.maxMessages());
        assertEquals(-1, o.timeoutMs());
        Properties p = o.consumerProps();
        assertEquals("h:1", p.getProperty("bootstrap.servers"));
        assertEquals("latest", p.getProperty("auto.offset.reset"));
        assertEquals("console-consumer", p.getProperty("client.id"));
        assertNull(p.getProperty("group.id"));
        assertInstanceOf(DefaultFormatter.class, o.formatter());
    }

    @Test
    void readsEveryOption() throws UsageException {
        ConsoleConsumerOptions o = parse("--topic", "t", "--partition", "2", "--offset", "-5", "--max-messages", "10",
                "--timeout-ms", "3000", "--print-key", "--print-offset", "--skip-message-on-error");
        assertEquals(2, o.partition());
        assertEquals(new StartOffset.FromEnd(5), o.startOffset());
        assertEquals(10, o.maxMessages());
        assertEquals(3000, o.timeoutMs());
        assertTrue(o.skipMessageOnError());

        ConsoleConsumerOptions g = parse("--include", "orders-.*", "--group", "g1", "--from-beginning");
        assertTrue(g.include().matcher("orders-eu").matches());
        assertEquals("g1", g.consumerProps().getProperty("group.id"));
        assertEquals("earliest", g.consumerProps().getProperty("auto.offset.reset"));
        assertEquals("x.*", parse("--whitelist", "x.*").include().pattern(), "Kafka's deprecated spelling");
        assertInstanceOf(FormatString.class, parse("--topic", "t", "--format", "%k %v").formatter());
        assertEquals(new StartOffset.AtTime(99), parse("--topic", "t", "--offset", "@99").startOffset(),
                "--offset without --partition: every partition");
    }

    @Test
    void groupIdsMustAgreeWhereverTheyAreGiven(@TempDir Path dir) throws IOException, UsageException {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "group.id=from-file\nauto.offset.rest=earliest\n");
        ConsoleConsumerOptions o = parse("--topic", "t", "--consumer.config", file.toString());
        assertEquals("from-file", o.group());
        assertEquals(List.of("unknown consumer config in --consumer.config " + file
                + " 'auto.offset.rest' is ignored; did you mean 'auto.offset.reset'?"), o.warnings());
        assertEquals("the group ids given by --group and the consumer config differ: 'g', 'from-file'",
                fails("--topic", "t", "--group", "g", "--consumer.config", file.toString()));
        assertEquals("g2", parse("--topic", "t", "--consumer-property", "group.id=g2").group());
    }

    @Test
    void kafkasRulesAreUsageErrors() {
        assertEquals("give exactly one of --topic and --include", fails());
        assertEquals("give exactly one of --topic and --include", fails("--topic", "t", "--include", "x"));
        assertEquals("--partition goes with --topic only", fails("--include", "x", "--partition", "1"));
        assertEquals("--from-beginning and --offset cannot go together", fails("--topic", "t", "--offset", "1",
                "--from-beginning"));
        assertEquals("--group and --partition cannot go together (a group assigns the partitions)",
                fails("--topic", "t", "--group", "g", "--partition", "0"));
        assertTrue(fails("--topic", "t", "--group", "g", "--offset", "5").startsWith("--group and --offset cannot go together"));
        assertEquals("--from-beginning and auto.offset.reset=latest cannot go together", fails("--topic", "t",
                "--from-beginning", "--consumer-property", "auto.offset.reset=latest"));
        assertEquals("--max-messages must be positive, not 0", fails("--topic", "t", "--max-messages", "0"));
        assertEquals("--include '(' is not a regular expression: Unclosed group", fails("--include", "("));
        assertEquals("unknown option --print-keys; did you mean --print-key?", fails("--topic", "t", "--print-keys"));
        assertEquals("--format gives the whole line, so it cannot go with --print-key",
                fails("--topic", "t", "--format", "%k", "--print-key"));
        assertEquals("--format gives the whole line, so it cannot go with --property print.offset",
                fails("--topic", "t", "--format", "%k", "--property", "print.offset=true"));
        assertEquals("--formatter my.Formatter: the formatters are Kafka's DefaultMessageFormatter, "
                + "LoggingMessageFormatter and NoOpMessageFormatter; --format prints records in another layout",
                fails("--topic", "t", "--formatter", "my.Formatter"));
        assertTrue(fails("--topic", "t", "--formatter", "org.apache.kafka.tools.consumer.OffsetsMessageFormatter")
                .startsWith("--formatter org.apache.kafka.tools.consumer.OffsetsMessageFormatter: the formatters are"));
        assertEquals("--format gives the whole line, so it cannot go with --formatter kafka.tools.NoOpMessageFormatter",
                fails("--topic", "t", "--format", "%v", "--formatter", "kafka.tools.NoOpMessageFormatter"));
        assertEquals("missing required option --bootstrap-server",
                assertThrows(UsageException.class, () -> ConsoleConsumerOptions.parse("--topic", "t")).getMessage());
    }

    @Test
    void printFlagsAndPropertiesConfigureTheDefaultLayout() throws UsageException {
        assertEquals(List.of("unknown --property 'print.kye' is ignored; did you mean 'print.key'?"),
                parse("--topic", "t", "--property", "print.kye=true").warnings());
        assertEquals(List.of(), parse("--topic", "t", "--property", "value.deserializer.encoding=UTF-8").warnings());
    }

    @Test
    void propertyValuesKeepTheirSpaces() throws Exception {
        RecordFormatter f = parse("--topic", "t", "--property", "print.key=true", "--property", "key.separator= | ").formatter();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        f.write(new io.samsa.clients.consumer.ConsumerRecord<>("t", 0, 0, "k".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "v".getBytes(java.nio.charset.StandardCharsets.UTF_8)), out);
        assertEquals("k | v\n", out.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void kafkasFormatterClassesMapToTheirFormatters() throws Exception {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(
                "t", 0, 7, "k".getBytes(StandardCharsets.UTF_8),
                "v".getBytes(StandardCharsets.UTF_8));
        for (String name : List.of("org.apache.kafka.tools.consumer.DefaultMessageFormatter",
                "kafka.tools.DefaultMessageFormatter")) {
            assertEquals("k\tv\n", written(parse("--topic", "t", "--formatter", name, "--property", "print.key=true")
                    .formatter(), record), name);
        }
        for (String name : List.of("org.apache.kafka.tools.consumer.LoggingMessageFormatter",
                "kafka.tools.LoggingMessageFormatter")) {
            RecordFormatter f = parse("--topic", "t", "--formatter", name, "--property", "print.key=true").formatter();
            assertInstanceOf(LoggingFormatter.class, f, name);
            assertEquals("k\tv\n", written(f, record), "prints as the default formatter does");
        }
        for (String name : List.of("org.apache.kafka.tools.consumer.NoOpMessageFormatter",
                "kafka.tools.NoOpMessageFormatter")) {
            assertEquals("", written(parse("--topic", "t", "--formatter", name).formatter(), record), name);
        }
        assertEquals("key:k, value:v", LoggingFormatter.line(record), "no timestamp type: no timestamp, as Kafka's");
        assertEquals("CreateTime:5, key:null value:null", LoggingFormatter.line(new ConsumerRecord<>(
                "t", 0, 0, 5L, TimestampType.CREATE_TIME, -1, -1, null, null,
                new RecordHeaders(), Optional.empty())));
    }

    @Test
    void systestEventsAreOffUnlessAsked() throws UsageException {
        assertTrue(parse("--topic", "t", "--enable-systest-events").systestEvents());
        assertFalse(parse("--topic", "t").systestEvents());
    }

    @Test
    void kafkasRemainingFlagsAreRead() throws Exception {
        ConsoleConsumerOptions o = parse("--topic", "t", "--isolation-level", "read_committed", "--key-deserializer",
                "org.apache.kafka.common.serialization.LongDeserializer", "--value-deserializer",
                "org.apache.kafka.common.serialization.StringDeserializer");
        assertEquals("read_committed", o.consumerProps().getProperty("isolation.level"));
        assertEquals("read_uncommitted", parse("--topic", "t").consumerProps().getProperty("isolation.level"));
        byte[] eight = ByteBuffer.allocate(8).putLong(42).array();
        RecordFormatter f = parse("--topic", "t", "--print-key", "--key-deserializer",
                "org.apache.kafka.common.serialization.LongDeserializer").formatter();
        assertEquals("42\tv\n", written(f, new ConsumerRecord<>("t", 0, 0, eight, "v".getBytes(StandardCharsets.UTF_8))));
    }

    private static String written(RecordFormatter f, ConsumerRecord<byte[], byte[]> r)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.write(r, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ConsoleConsumerOptions parse(String... args) throws UsageException {
        String[] all = new String[args.length + 2];
        all[0] = "--bootstrap-server";
        all[1] = "h:1";
        System.arraycopy(args, 0, all, 2, args.length);
        return ConsoleConsumerOptions.parse(all);
    }

    private static String fails(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }
}
