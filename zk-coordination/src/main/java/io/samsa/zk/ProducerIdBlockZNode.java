package io.samsa.zk;

import io.samsa.zk.json.Json;
import io.samsa.zk.json.JsonException;
import io.samsa.zk.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * {@code /latest_producer_id_block}: the last reserved producer-id block,
 * {@code {"version":1,"broker":0,"block_start":"0","block_end":"999"}} (bounds as strings, as Kafka
 * writes them). Brokers reserve the next block with a version-checked update. Stateless.
 */
public final class ProducerIdBlockZNode {

    public static final String PATH = "/latest_producer_id_block";
    public static final int VERSION = 1;

    private ProducerIdBlockZNode() {
    }

    public static byte[] encode(ProducerIdBlock block) {
        return Json.writeBytes(new JsonObject()
                .put("version", VERSION)
                .put("broker", block.brokerId())
                .put("block_start", Long.toString(block.firstProducerId()))
                .put("block_end", Long.toString(block.lastProducerId())));
    }

    public static ProducerIdBlock decode(byte[] bytes) {
        try {
            JsonObject json = Json.parseObject(bytes);
            long start = Long.parseLong(json.getString("block_start"));
            long end = Long.parseLong(json.getString("block_end"));
            return new ProducerIdBlock(json.getInt("broker"), start, Math.toIntExact(end - start + 1));
        } catch (JsonException | NumberFormatException | ArithmeticException e) {
            throw new ZkException("Failed to parse the producer id block " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}
