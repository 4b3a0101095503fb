package io.samsa.core.log;

import io.samsa.common.TopicPartition;

import java.io.File;

/**
 * The names of the files and directories of the log, as Kafka lays them out on disk: a partition
 * directory {@code <topic>-<partition>}, segments named by their 20-digit zero-padded base
 * offset with one suffix per file kind, and the transient suffixes of files being deleted or
 * swapped. Stateless; thread-safe.
 */
public final class LogFileNames {

    public static final String LOG_SUFFIX = ".log";
    public static final String INDEX_SUFFIX = ".index";
    public static final String TIME_INDEX_SUFFIX = ".timeindex";
    public static final String TXN_INDEX_SUFFIX = ".txnindex";
    public static final String SNAPSHOT_SUFFIX = ".snapshot";
    /** A segment file scheduled for removal. */
    public static final String DELETED_SUFFIX = ".deleted";
    /** Output of a log cleaner run not yet swapped in. */
    public static final String CLEANED_SUFFIX = ".cleaned";
    /** A cleaned segment halfway through being swapped in. */
    public static final String SWAP_SUFFIX = ".swap";
    public static final String TMP_SUFFIX = ".tmp";
    /** A partition directory whose deletion has started. */
    public static final String DELETE_DIR_SUFFIX = "-delete";
    /** A partition directory being moved between log dirs. */
    public static final String FUTURE_DIR_SUFFIX = "-future";
    public static final String STRAY_DIR_SUFFIX = "-stray";

    public static final String CLEAN_SHUTDOWN_FILE = ".kafka_cleanshutdown";
    public static final String LOCK_FILE = ".lock";
    public static final String RECOVERY_POINT_CHECKPOINT = "recovery-point-offset-checkpoint";
    public static final String LOG_START_OFFSET_CHECKPOINT = "log-start-offset-checkpoint";
    public static final String REPLICATION_OFFSET_CHECKPOINT = "replication-offset-checkpoint";
    public static final String LEADER_EPOCH_CHECKPOINT = "leader-epoch-checkpoint";
    /** Per log dir: for each compacted partition, the offset its log is clean up to. */
    public static final String CLEANER_OFFSET_CHECKPOINT = "cleaner-offset-checkpoint";

    private static final int MAX_FILE_NAME = 255;

    private LogFileNames() {
    }

    /** {@code 00000000000000000042} for 42. */
    public static String filenamePrefixFromOffset(long offset) {
        String digits = Long.toString(offset);
        StringBuilder sb = new StringBuilder(20);
        for (int i = digits.length(); i < 20; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    public static File logFile(File dir, long baseOffset) {
        return new File(dir, filenamePrefixFromOffset(baseOffset) + LOG_SUFFIX);
    }

    public static File offsetIndexFile(File dir, long baseOffset) {
        return new File(dir, filenamePrefixFromOffset(baseOffset) + INDEX_SUFFIX);
    }

    public static File timeIndexFile(File dir, long baseOffset) {
        return new File(dir, filenamePrefixFromOffset(baseOffset) + TIME_INDEX_SUFFIX);
    }

    /** The base offset in a segment file's name, e.g. 42 for {@code 00000000000000000042.index}. */
    public static long offsetFromFileName(String name) {
        int dot = name.indexOf('.');
        return Long.parseLong(dot < 0 ? name : name.substring(0, dot));
    }

    /** {@code topic-partition}. */
    public static String logDirName(TopicPartition tp) {
        return tp.topic() + "-" + tp.partition();
    }

    /**
     * The name a partition directory takes while it is being deleted:
     * {@code <topic>-<partition>.<32 hex digits>-delete}, the topic shortened if the whole name
     * would not fit in a file name.
     */
    public static String logDeleteDirName(TopicPartition tp, String uniqueId) {
        String suffix = "-" + tp.partition() + "." + uniqueId + DELETE_DIR_SUFFIX;
        int topicLength = Math.min(tp.topic().length(), MAX_FILE_NAME - suffix.length());
        return tp.topic().substring(0, topicLength) + suffix;
    }

    /**
     * The partition a directory name holds ({@code my-topic-3} gives {@code my-topic}, 3), or null
     * when the name is not a partition directory.
     */
    public static TopicPartition parseTopicPartition(String dirName) {
        int dash = dirName.lastIndexOf('-');
        if (dash <= 0 || dash == dirName.length() - 1) {
            return null;
        }
        String topic = dirName.substring(0, dash);
        String partition = dirName.substring(dash + 1);
        for (int i = 0; i < partition.length(); i++) {
            if (!Character.isDigit(partition.charAt(i))) {
                return null;
            }
        }
        try {
            return new TopicPartition(topic, Integer.parseInt(partition));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
