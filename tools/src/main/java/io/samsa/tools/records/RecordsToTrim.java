package io.samsa.tools.records;

import com.fasterxml.jackson.databind.JsonNode;
import io.samsa.common.TopicPartition;
import io.samsa.tools.cli.PartitionsFile;
import io.samsa.tools.cli.ToolFailure;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * One partition of {@code --offset-json-file}: its records before {@code offset} are to be
 * deleted; -1 means every record up to the high watermark. Immutable.
 */
record RecordsToTrim(TopicPartition partition, long offset) {

    /** The file's partitions, in order; a missing or negative offset (other than -1) fails naming the entry. */
    static List<RecordsToTrim> read(Path file) {
        return PartitionsFile.read(file, "--offset-json-file", RecordsToTrim::entry);
    }

    static RecordsToTrim entry(TopicPartition partition, JsonNode entry, Function<String, ToolFailure> invalid) {
        JsonNode offset = entry.get("offset");
        if (offset == null || !offset.canConvertToLong() || !offset.isIntegralNumber()) {
            throw invalid.apply("needs an \"offset\" number");
        }
        if (offset.asLong() < -1) {
            throw invalid.apply("has offset " + offset.asLong() + "; an offset is at least 0, or -1 for the high watermark");
        }
        return new RecordsToTrim(partition, offset.asLong());
    }
}
