package io.samsa.tools.dumplog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samsa.core.log.ProducerSnapshotFile;

import java.io.File;
import java.io.IOException;

/**
 * Dumps a producer state snapshot ({@code .snapshot}): one line per idempotent producer, as
 * Kafka's tool prints it ({@code producerId: ... producerEpoch: ... coordinatorEpoch: ...
 * currentTxnFirstOffset: ... lastTimestamp: ... firstSequence: ... lastSequence: ... lastOffset:
 * ... offsetDelta: ... timestamp: ...}); Kafka's {@code OptionalLong.empty} for no open transaction
 * is -1 here. A corrupt snapshot fails. Stateless.
 */
final class SnapshotDumper {

    private SnapshotDumper() {
    }

    static void dump(File file, DumpOutput output) throws IOException {
        for (ProducerSnapshotFile.Entry e : ProducerSnapshotFile.read(file)) {
            long first = (long) e.lastSequence() - e.offsetDelta();
            if (first < 0 && e.lastSequence() >= 0) {
                first += Integer.MAX_VALUE + 1L; // the sequence wrapped inside the batch
            }
            int firstSequence = (int) first;
            String line = "producerId: " + e.producerId() + " producerEpoch: " + e.epoch()
                    + " coordinatorEpoch: " + e.coordinatorEpoch() + " currentTxnFirstOffset: -1"
                    + " lastTimestamp: " + e.timestamp() + " firstSequence: " + firstSequence
                    + " lastSequence: " + e.lastSequence() + " lastOffset: " + e.lastOffset()
                    + " offsetDelta: " + e.offsetDelta() + " timestamp: " + e.timestamp();
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("producerId", e.producerId());
            json.put("producerEpoch", e.epoch());
            json.put("coordinatorEpoch", e.coordinatorEpoch());
            json.put("currentTxnFirstOffset", -1);
            json.put("lastTimestamp", e.timestamp());
            json.put("firstSequence", firstSequence);
            json.put("lastSequence", e.lastSequence());
            json.put("lastOffset", e.lastOffset());
            json.put("offsetDelta", e.offsetDelta());
            json.put("timestamp", e.timestamp());
            output.entry(line, json);
        }
    }
}
