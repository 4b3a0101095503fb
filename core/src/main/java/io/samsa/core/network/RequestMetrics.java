package io.samsa.core.network;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import io.samsa.common.Errors;
import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.core.metrics.KafkaMetricName;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Message;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;

/**
 * Kafka's {@code kafka.network:type=RequestMetrics} per API ({@code request=Produce}, Kafka's API
 * names): RequestsPerSec per version ({@code request=Produce,version=9}, as Kafka 3.9 tags it),
 * ErrorsPerSec per error in the responses ({@code request=Produce,error=NONE}) and
 * the time histograms in milliseconds, split where a request spends it: RequestQueueTimeMs (read,
 * waiting for a handler thread), LocalTimeMs (in the handler), RemoteTimeMs (parked, e.g. waiting
 * for replicas or for fetch data), ResponseQueueTimeMs (answer waiting for the network thread),
 * ResponseSendTimeMs (being written) and TotalTimeMs. Each API's metrics are made when it is first
 * recorded. Thread-safe; recording takes no lock.
 */
public final class RequestMetrics {

    private static final String GROUP = "kafka.network";
    private static final String TYPE = "RequestMetrics";
    /** Room for every version Kafka 3.9 serves of any API (Fetch goes to 17). */
    private static final int MAX_VERSIONS = 64;
    private static final long NANOS_PER_MS = 1_000_000L;
    private static final int MAX_ERROR_CODE = maxErrorCode();
    /** A time not taken: that phase did not happen (no handler ran, no answer was written). */
    static final long UNSET = Long.MIN_VALUE;

    /** One API's metrics; also the sink its responses' error codes are counted through. */
    private static final class ApiMetrics implements IntConsumer {
        final BrokerMetrics metrics;
        final ApiKeys api;
        final KafkaMetricName base;
        final AtomicReferenceArray<Meter> requestsPerVersion = new AtomicReferenceArray<>(MAX_VERSIONS);
        /** ErrorsPerSec by error code + 1 (UNKNOWN_SERVER_ERROR is -1). */
        final AtomicReferenceArray<Meter> errors = new AtomicReferenceArray<>(MAX_ERROR_CODE + 2);
        final Histogram requestQueueTime;
        final Histogram localTime;
        final Histogram remoteTime;
        final Histogram responseQueueTime;
        final Histogram responseSendTime;
        final Histogram totalTime;

        ApiMetrics(BrokerMetrics metrics, ApiKeys api) {
            this.metrics = metrics;
            this.api = api;
            base = KafkaMetricName.of(GROUP, TYPE, "RequestsPerSec").withTag("request", api.apiName());
            requestQueueTime = metrics.histogram(name("RequestQueueTimeMs", api));
            localTime = metrics.histogram(name("LocalTimeMs", api));
            remoteTime = metrics.histogram(name("RemoteTimeMs", api));
            responseQueueTime = metrics.histogram(name("ResponseQueueTimeMs", api));
            responseSendTime = metrics.histogram(name("ResponseSendTimeMs", api));
            totalTime = metrics.histogram(name("TotalTimeMs", api));
        }

        private static KafkaMetricName name(String name, ApiKeys api) {
            return KafkaMetricName.of(GROUP, TYPE, name).withTag("request", api.apiName());
        }

        /** Marks ErrorsPerSec for one error code of a response. */
        @Override
        public void accept(int code) {
            Errors error = Errors.forCode((short) code);
            int i = error.code() + 1;
            Meter meter = errors.get(i);
            if (meter == null) {
                // The registry hands out one instance per name, so a race stores the same meter twice.
                meter = metrics.meter(KafkaMetricName.of(GROUP, TYPE, "ErrorsPerSec").withTag("request", api.apiName())
                        .withTag("error", error.name()));
                errors.set(i, meter);
            }
            meter.mark();
        }
    }

    private final BrokerMetrics metrics;
    private final AtomicReferenceArray<ApiMetrics> apis;

    public RequestMetrics(BrokerMetrics metrics) {
        this.metrics = metrics;
        int maxId = 0;
        for (ApiKeys api : ApiKeys.values()) {
            maxId = Math.max(maxId, api.id());
        }
        this.apis = new AtomicReferenceArray<>(maxId + 1);
    }

    private ApiMetrics api(ApiKeys api) {
        ApiMetrics m = apis.get(api.id());
        if (m == null) {
            // The registry hands out one instance per name, so a race only builds a throwaway holder.
            apis.compareAndSet(api.id(), null, new ApiMetrics(metrics, api));
            m = apis.get(api.id());
        }
        return m;
    }

    /**
     * One request is done: its answer written (or dropped, or its connection closed). The times are
     * {@link io.samsa.common.Time#nanoseconds()} readings; a phase whose end was never reached
     * ({@link #UNSET}) counts as zero.
     */
    void record(ApiKeys api, short version, long startNanos, long dequeueNanos, long localCompleteNanos,
                long responseCompleteNanos, long responseDequeueNanos, long endNanos) {
        ApiMetrics m = api(api);
        requests(m, version).mark();
        long dequeue = atLeast(dequeueNanos, startNanos);
        long local = atLeast(localCompleteNanos, dequeue);
        long responseComplete = atLeast(responseCompleteNanos, local);
        long responseDequeue = atLeast(responseDequeueNanos, responseComplete);
        long end = atLeast(endNanos, responseDequeue);
        m.requestQueueTime.update(ms(dequeue - startNanos));
        m.localTime.update(ms(local - dequeue));
        m.remoteTime.update(ms(responseComplete - local));
        m.responseQueueTime.update(ms(responseDequeue - responseComplete));
        m.responseSendTime.update(ms(end - responseDequeue));
        m.totalTime.update(ms(end - startNanos));
    }

    /**
     * Marks ErrorsPerSec ({@code request=<API>,error=<Kafka's error name>}) once for each error code in
     * {@code response}, NONE included, as Kafka counts a response's errors.
     */
    void recordErrors(ApiKeys api, Message response) {
        response.forEachErrorCode(api(api));
    }

    private static int maxErrorCode() {
        int max = 0;
        for (Errors e : Errors.values()) {
            max = Math.max(max, e.code());
        }
        return max;
    }

    private Meter requests(ApiMetrics m, short version) {
        int v = version >= 0 && version < MAX_VERSIONS ? version : MAX_VERSIONS - 1;
        Meter meter = m.requestsPerVersion.get(v);
        if (meter == null) {
            meter = metrics.meter(m.base.withTag("version", Short.toString(version)));
            m.requestsPerVersion.set(v, meter);
        }
        return meter;
    }

    /** A phase that never happened ends where the previous one did. */
    private static long atLeast(long nanos, long previous) {
        return nanos == UNSET ? previous : Math.max(nanos, previous);
    }

    private static long ms(long nanos) {
        return Math.round((double) nanos / NANOS_PER_MS);
    }
}
