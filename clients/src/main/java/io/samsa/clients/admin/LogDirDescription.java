package io.samsa.clients.admin;

import io.samsa.common.TopicPartition;
import io.samsa.common.errors.ApiException;

import java.util.Map;
import java.util.OptionalLong;

/** One log directory of a broker: its error (if it is offline), its replicas and its volume's space. Immutable. */
public class LogDirDescription {

    private final ApiException error;
    private final Map<TopicPartition, ReplicaInfo> replicaInfos;
    private final long totalBytes;
    private final long usableBytes;

    public LogDirDescription(ApiException error, Map<TopicPartition, ReplicaInfo> replicaInfos) {
        this(error, replicaInfos, -1, -1);
    }

    /** {@code totalBytes} and {@code usableBytes} are -1 when the broker did not report them. */
    public LogDirDescription(ApiException error, Map<TopicPartition, ReplicaInfo> replicaInfos, long totalBytes,
                             long usableBytes) {
        this.error = error;
        this.replicaInfos = Map.copyOf(replicaInfos);
        this.totalBytes = totalBytes;
        this.usableBytes = usableBytes;
    }

    /** Why the directory is offline (e.g. a StorageException), or null when it is online. */
    public ApiException error() {
        return error;
    }

    public Map<TopicPartition, ReplicaInfo> replicaInfos() {
        return replicaInfos;
    }

    /** The size of the directory's volume, when the broker reports it (DescribeLogDirs v4+). */
    public OptionalLong totalBytes() {
        return totalBytes < 0 ? OptionalLong.empty() : OptionalLong.of(totalBytes);
    }

    /** The space usable on the directory's volume, when the broker reports it (DescribeLogDirs v4+). */
    public OptionalLong usableBytes() {
        return usableBytes < 0 ? OptionalLong.empty() : OptionalLong.of(usableBytes);
    }

    @Override
    public String toString() {
        return "LogDirDescription(replicaInfos=" + replicaInfos + ", error=" + error + ", totalBytes=" + totalBytes
                + ", usableBytes=" + usableBytes + ")";
    }
}
