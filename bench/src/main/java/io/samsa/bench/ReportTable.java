package io.samsa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Renders workload summaries as the human table: per workload a title, one row per figure with
 * each broker's median, the Samsa/Kafka ratio and which direction is better, then one line per
 * broker that failed some runs, with the reason. A workload Samsa's client ran too gets, per
 * broker, a column per client and the Samsa-client/kafka-clients ratio ({@code client s/k}), then
 * the Samsa/Kafka broker ratio with kafka-clients ({@code broker s/k}), under a second header
 * line naming each column's broker. Stateless.
 */
public final class ReportTable {

    /** Explains the column headers of workloads both clients ran; printed once above the table. */
    public static final String CLIENT_LEGEND = "kafka-cl: kafka-clients 3.9.1 driven by Kafka's perf tools; samsa-cl: "
            + "Samsa's client driven by Samsa's (same flags, same output); client s/k: samsa-cl over kafka-cl on that "
            + "broker; broker s/k: Samsa broker over Kafka broker, both with kafka-cl";

    private static final int LABEL_WIDTH = 28;
    private static final int VALUE_WIDTH = 14;
    private static final int REASON_LIMIT = 400;

    /** One column: a header over it (null for none), its header, and its cell for each figure. */
    private record Column(String top, String header, Function<Metric, String> cell) {
    }

    private ReportTable() {
    }

    public static String render(List<WorkloadSummary> workloads, List<BrokerKind> brokers) {
        StringBuilder sb = new StringBuilder();
        for (WorkloadSummary w : workloads) {
            sb.append(w.id()).append(": ").append(w.title()).append('\n');
            List<Column> columns = w.comparesClients() ? clientColumns(w, brokers) : brokerColumns(w, brokers);
            if (w.comparesClients()) {
                sb.append(" ".repeat(LABEL_WIDTH + 2));
                columns.forEach(c -> sb.append(left(c.top() == null ? "" : c.top())));
                sb.append('\n');
            }
            sb.append(pad("  figure (median)", LABEL_WIDTH + 2));
            columns.forEach(c -> sb.append(left(c.header())));
            sb.append("  better\n");
            for (Metric m : w.metrics()) {
                sb.append("  ").append(pad(m.label(), LABEL_WIDTH));
                columns.forEach(c -> sb.append(left(c.cell().apply(m))));
                sb.append("  ").append(m.better()).append('\n');
            }
            if (w.metrics().isEmpty()) {
                sb.append("  (no successful run)\n");
            }
            for (ClientKind c : w.clients()) {
                for (BrokerKind b : brokers) {
                    String who = w.comparesClients() ? b.id() + " broker, " + c.shortLabel() : b.id();
                    failureLine(sb, who, w.summary(b, c));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** kafka-clients only: a column per broker, then the broker ratio when both brokers ran. */
    private static List<Column> brokerColumns(WorkloadSummary w, List<BrokerKind> brokers) {
        List<Column> columns = new ArrayList<>();
        for (BrokerKind b : brokers) {
            BrokerSummary s = w.broker(b);
            columns.add(new Column(null, b.id() + " " + s.succeeded() + "/" + s.runs(), m -> cell(s, m)));
        }
        if (brokers.contains(BrokerKind.SAMSA) && brokers.contains(BrokerKind.KAFKA)) {
            columns.add(new Column(null, "samsa/kafka", m -> ratio(w.ratio(m))));
        }
        return columns;
    }

    /** Both clients: per broker a column per client and the client ratio; then the broker ratio. */
    private static List<Column> clientColumns(WorkloadSummary w, List<BrokerKind> brokers) {
        List<Column> columns = new ArrayList<>();
        for (BrokerKind b : brokers) {
            String top = b.id() + " broker";
            for (ClientKind c : w.clients()) {
                BrokerSummary s = w.summary(b, c);
                columns.add(new Column(top, c.shortLabel() + " " + s.succeeded() + "/" + s.runs(), m -> cell(s, m)));
            }
            columns.add(new Column(top, "client s/k", m -> ratio(w.clientRatio(b, m))));
        }
        if (brokers.contains(BrokerKind.SAMSA) && brokers.contains(BrokerKind.KAFKA)) {
            columns.add(new Column(ClientKind.KAFKA.shortLabel() + " on", "broker s/k", m -> ratio(w.ratio(m))));
        }
        return columns;
    }

    private static String cell(BrokerSummary s, Metric m) {
        Double v = s.median(m);
        return v != null ? value(v) : s.status() == BrokerSummary.Status.FAILED ? "FAILED" : "-";
    }

    private static String ratio(Double r) {
        return r == null ? "n/a" : String.format(Locale.ROOT, "%.2f", r);
    }

    private static void failureLine(StringBuilder sb, String who, BrokerSummary s) {
        if (s.status() == BrokerSummary.Status.FAILED || s.status() == BrokerSummary.Status.PARTIAL) {
            sb.append("  ").append(who).append(" FAILED ").append(s.runs() - s.succeeded())
                    .append(" of ").append(s.runs()).append(" runs: ")
                    .append(clip(String.join(" | ", s.failures()))).append('\n');
        } else if (s.status() == BrokerSummary.Status.NOT_RUN) {
            sb.append("  ").append(who).append(" not run\n");
        }
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
