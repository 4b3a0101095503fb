package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.log.Log;
import io.samsa.core.log.LogManager;
import io.samsa.core.network.Request;
import io.samsa.core.replication.ReplicaManager;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.DescribeLogDirsRequest;
import io.samsa.protocol.message.DescribeLogDirsResponse;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DescribeLogDirs (v0-4): one result per configured log directory (its absolute path, as Kafka
 * reports it), listing the partition logs it holds with their size in bytes, and from v4 the total
 * and usable bytes of the volume under it. A null topic list asks for every log of the broker;
 * otherwise only the named partitions are listed, though — as in Kafka — every topic with a log in
 * the directory still appears, with an empty partition list when none of its partitions was named.
 * Samsa has no future logs (AlterReplicaLogDirs), so {@code is_future_key} is always false and the
 * offset lag of a hosted replica is 0; a log no replica of this broker has adopted yet answers -1,
 * Kafka's "lag unknown". A directory that failed (taken offline after an I/O error) answers
 * KAFKA_STORAGE_ERROR and nothing else, as Kafka's does; one whose volume cannot be read answers
 * UNKNOWN_SERVER_ERROR, as Kafka does for an unexpected I/O error. Thread-safe: it only reads the log manager's concurrent state.
 */
public final class DescribeLogDirsHandler implements ApiHandler<DescribeLogDirsRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(DescribeLogDirsHandler.class);

    /** Kafka's offset lag of a log whose replica is not hosted. */
    static final long UNKNOWN_OFFSET_LAG = -1L;

    private static final Comparator<Log> BY_PARTITION = Comparator.comparingInt(l -> l.topicPartition().partition());

    private final LogManager logManager;
    private final ReplicaManager replicaManager;

    public DescribeLogDirsHandler(LogManager logManager, ReplicaManager replicaManager) {
        this.logManager = logManager;
        this.replicaManager = replicaManager;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DESCRIBE_LOG_DIRS;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 4;
    }

    @Override
    public void handle(Request request, DescribeLogDirsRequest body) {
        Set<TopicPartition> wanted = wantedPartitions(body.topics());
        Map<String, Map<String, List<Log>>> logsByDir = logsByDirAndTopic();
        DescribeLogDirsResponse response = new DescribeLogDirsResponse().setErrorCode(Errors.NONE.code());
        for (String dir : configuredDirs()) {
            DescribeLogDirsResponse.DescribeLogDirsResult result = new DescribeLogDirsResponse.DescribeLogDirsResult().setLogDir(dir);
            response.results().add(result);
            if (!logManager.isOnline(new File(dir))) {
                result.setErrorCode(Errors.KAFKA_STORAGE_ERROR.code());
                continue;
            }
            try {
                FileStore store = Files.getFileStore(new File(dir).toPath());
                result.setTotalBytes(reported(store.getTotalSpace()))
                        .setUsableBytes(reported(store.getUsableSpace()));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot describe log directory {}", dir, e);
                result.setErrorCode(Errors.UNKNOWN_SERVER_ERROR.code());
                continue;
            }
            result.setErrorCode(Errors.NONE.code());
            for (Map.Entry<String, List<Log>> topic : logsByDir.getOrDefault(dir, Map.of()).entrySet()) {
                DescribeLogDirsResponse.DescribeLogDirsTopic topicResult = new DescribeLogDirsResponse.DescribeLogDirsTopic()
                        .setName(topic.getKey());
                result.topics().add(topicResult);
                for (Log log : topic.getValue()) {
                    if (wanted == null || wanted.contains(log.topicPartition())) {
                        topicResult.partitions().add(new DescribeLogDirsResponse.DescribeLogDirsPartition()
                                .setPartitionIndex(log.topicPartition().partition())
                                .setPartitionSize(log.size())
                                .setOffsetLag(offsetLag(log))
                                .setIsFutureKey(false));
                    }
                }
            }
        }
        request.sendResponse(response);
    }

    /** The requested partitions, or null for all of them. */
    private static Set<TopicPartition> wantedPartitions(List<DescribeLogDirsRequest.DescribableLogDirTopic> topics) {
        if (topics == null) {
            return null;
        }
        Set<TopicPartition> wanted = new HashSet<>();
        for (DescribeLogDirsRequest.DescribableLogDirTopic topic : topics) {
            for (int partition : topic.partitions()) {
                wanted.add(new TopicPartition(topic.topic(), partition));
            }
        }
        return wanted;
    }

    /** The distinct configured log dirs as absolute paths, in configuration order. */
    private List<String> configuredDirs() {
        Set<String> dirs = new LinkedHashSet<>();
        for (File dir : logManager.logDirs()) {
            dirs.add(dir.getAbsolutePath());
        }
        return new ArrayList<>(dirs);
    }

    /** The broker's logs by absolute log dir, then topic (sorted), each topic's logs sorted by partition. */
    private Map<String, Map<String, List<Log>>> logsByDirAndTopic() {
        Map<String, Map<String, List<Log>>> byDir = new LinkedHashMap<>();
        for (Log log : logManager.allLogs()) {
            byDir.computeIfAbsent(log.parentDir().getAbsolutePath(), d -> new TreeMap<>())
                    .computeIfAbsent(log.topicPartition().topic(), t -> new ArrayList<>())
                    .add(log);
        }
        for (Map<String, List<Log>> topics : byDir.values()) {
            topics.values().forEach(logs -> logs.sort(BY_PARTITION));
        }
        return byDir;
    }

    /** How far the log end offset is behind the high watermark: 0 for a current log, -1 if not hosted. */
    private long offsetLag(Log log) {
        if (replicaManager.partition(log.topicPartition()).isEmpty()) {
            return UNKNOWN_OFFSET_LAG;
        }
        return Math.max(log.highWatermark() - log.logEndOffset(), 0L);
    }

    /** Volumes past 8 EiB report a negative size (JDK-8162520); Kafka answers Long.MAX_VALUE then. */
    private static long reported(long space) {
        return space < 0 ? Long.MAX_VALUE : space;
    }
}
