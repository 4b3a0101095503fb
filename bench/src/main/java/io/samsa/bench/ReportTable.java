package io.samsa.bench;

import java.util.List;
import java.util.Locale;

/**
 * Renders workload summaries as the human table: per workload a title, one row per figure with
 * each broker's median, the Samsa/Kafka ratio and which direction is better, then one line per
 * broker that failed some runs, with the reason. Stateless.
 */
public final class ReportTable {

    private static final int LABEL_WIDTH = 28;
    private static final int VALUE_WIDTH = 14;
    private static final int REASON_LIMIT = 400;

    private ReportTable() {
    }

    public static String render(List<WorkloadSummary> workloads, List<BrokerKind> brokers) {
        StringBuilder sb = new StringBuilder();
        for (WorkloadSummary w : workloads) {
            sb.append(w.id()).append(": ").append(w.title()).append('\n');
            sb.append(pad("  figure (median)", LABEL_WIDTH + 2));
            for (BrokerKind b : brokers) {
                BrokerSummary s = w.broker(b);
                sb.append(left(b.id() + " " + s.succeeded() + "/" + s.runs()));
            }
            boolean ratio = brokers.contains(BrokerKind.SAMSA) && brokers.contains(BrokerKind.KAFKA);
            if (ratio) {
                sb.append(left("samsa/kafka"));
            }
            sb.append("  better\n");
            for (Metric m : w.metrics()) {
                sb.append("  ").append(pad(m.label(), LABEL_WIDTH));
                for (BrokerKind b : brokers) {
                    BrokerSummary s = w.broker(b);
                    Double v = s.median(m);
                    sb.append(left(v != null ? value(v) : s.status() == BrokerSummary.Status.FAILED ? "FAILED" : "-"));
                }
                if (ratio) {
                    Double r = w.ratio(m);
                    sb.append(left(r == null ? "n/a" : String.format(Locale.ROOT, "%.2f", r)));
                }
                sb.append("  ").append(m.better()).append('\n');
            }
            if (w.metrics().isEmpty()) {
                sb.append("  (no successful run)\n");
            }
            for (BrokerKind b : brokers) {
                BrokerSummary s = w.broker(b);
                if (s.status() == BrokerSummary.Status.FAILED || s.status() == BrokerSummary.Status.PARTIAL) {
                    sb.append("  ").append(b.id()).append(" FAILED ").append(s.runs() - s.succeeded())
                            .append(" of ").append(s.runs()).append(" runs: ")
                            .append(clip(String.join(" | ", s.failures()))).append('\n');
                } else if (s.status() == BrokerSummary.Status.NOT_RUN) {
                    sb.append("  ").append(b.id()).append(" not run\n");
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A figure with as many decimals as its size warrants. */
    static String value(double v) {
        double a = Math.abs(v);
        String pattern = a >= 1000 ? "%.0f" : a >= 10 ? "%.1f" : a >= 0.1 || a == 0 ? "%.2f" : "%.4f";
        return String.format(Locale.ROOT, pattern, v);
    }

    private static String clip(String s) {
        String oneLine = s.replaceAll("\\s*\\R\\s*", " ");
        return oneLine.length() <= REASON_LIMIT ? oneLine : oneLine.substring(0, REASON_LIMIT) + "...";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    private static String left(String s) {
        return s.length() >= VALUE_WIDTH ? " " + s : " ".repeat(VALUE_WIDTH - s.length()) + s;
    }
}
