package io.samsa.systest.clients;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MutableRecordBatch;
import org.apache.kafka.common.requests.RequestUtils;
import org.apache.kafka.common.requests.ResponseHeader;

/**
 * Reads a partition's record batches exactly as its leader serves them, with one hand-made Fetch
 * request (v11, the version librdkafka uses) over a plain socket, using only kafka-clients' message
 * classes. It shows what every consumer hides: whether a batch is compressed and with which codec,
 * where batches begin and end, and whether each batch's CRC holds. Stateless; one connection per call.
 */
final class RawFetch {

    /** One record batch as fetched: offsets, codec name ({@code none}, {@code gzip}, ...), CRC validity. */
    record Batch(long baseOffset, long lastOffset, String compression, boolean crcValid, long producerId) {
    }

    private static final short VERSION = 11;
    private static final int MAX_BYTES = 4 << 20;

    private RawFetch() {
    }

    /** The batches up to the high watermark, from the partition's leader as {@code admin}'s metadata names it. */
    static List<Batch> batches(Admin admin, String topic, int partition) {
        TopicPartitionInfo info = Topics.get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic)
                .partitions().get(partition);
        Node leader = info.leader();
        if (leader == null || leader.isEmpty()) {
            throw new AssertionError(topic + "-" + partition + " has no leader: " + info);
        }
        FetchRequestData request = new FetchRequestData()
                .setReplicaId(-1)
                .setMaxWaitMs(0)
                .setMinBytes(0)
                .setMaxBytes(MAX_BYTES)
                .setIsolationLevel((byte) 0)
                .setTopics(List.of(new FetchRequestData.FetchTopic()
                        .setTopic(topic)
                        .setPartitions(List.of(new FetchRequestData.FetchPartition()
                                .setPartition(partition)
                                .setFetchOffset(0)
                                .setLogStartOffset(-1)
                                .setPartitionMaxBytes(MAX_BYTES)))));
        int correlationId = 7;
        RequestHeaderData header = new RequestHeaderData()
                .setRequestApiKey(ApiKeys.FETCH.id)
                .setRequestApiVersion(VERSION)
                .setClientId("systest-raw-fetch")
                .setCorrelationId(correlationId);
        ByteBuffer bytes = RequestUtils.serialize(header, ApiKeys.FETCH.requestHeaderVersion(VERSION), request, VERSION);
        ByteBuffer response = exchange(leader, bytes);
        ResponseHeader responseHeader = ResponseHeader.parse(response, ApiKeys.FETCH.responseHeaderVersion(VERSION));
        if (responseHeader.correlationId() != correlationId) {
            throw new AssertionError("Fetch response correlation id " + responseHeader.correlationId());
        }
        FetchResponseData data = new FetchResponseData(new ByteBufferAccessor(response), VERSION);
        if (data.errorCode() != 0 || data.responses().size() != 1 || data.responses().get(0).partitions().size() != 1) {
            throw new AssertionError("Unexpected Fetch response " + data);
        }
        FetchResponseData.PartitionData p = data.responses().get(0).partitions().get(0);
        if (p.errorCode() != 0) {
            throw new AssertionError("Fetch of " + topic + "-" + partition + " failed with error " + p.errorCode());
        }
        List<Batch> batches = new ArrayList<>();
        for (MutableRecordBatch b : ((MemoryRecords) p.records()).batches()) {
            batches.add(new Batch(b.baseOffset(), b.lastOffset(), b.compressionType().name, b.isValid(), b.producerId()));
        }
        return batches;
    }

    private static ByteBuffer exchange(Node broker, ByteBuffer request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(broker.host(), broker.port()), 5_000);
            socket.setSoTimeout(15_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            byte[] body = new byte[request.remaining()];
            request.get(body);
            out.writeInt(body.length);
            out.write(body);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] answer = new byte[in.readInt()];
            in.readFully(answer);
            return ByteBuffer.wrap(answer);
        } catch (IOException e) {
            throw new UncheckedIOException("Raw fetch from " + broker + " failed", e);
        }
    }
}
