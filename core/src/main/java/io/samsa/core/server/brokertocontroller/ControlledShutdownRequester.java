package io.samsa.core.server.brokertocontroller;

import io.samsa.common.Errors;
import io.samsa.protocol.message.ControlledShutdownRequest;
import io.samsa.protocol.message.ControlledShutdownResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * A stopping broker's ControlledShutdown request, as Kafka's brokers make it: asks the controller
 * to move this broker's leaderships to other in-sync replicas, retrying
 * {@code controlled.shutdown.max.retries} times {@code controlled.shutdown.retry.backoff.ms} apart
 * while the controller is unreachable or some leadership could not move. Afterwards the broker
 * stops anyway; only then is the shutdown unclean for its clients.
 */
public final class ControlledShutdownRequester {

    private static final Logger LOG = LoggerFactory.getLogger(ControlledShutdownRequester.class);
    private static final short VERSION = 3;

    private final int brokerId;
    private final LongSupplier brokerEpoch;
    private final BrokerToControllerChannel channel;
    private final int maxRetries;
    private final long retryBackoffMs;
    private final long requestTimeoutMs;

    public ControlledShutdownRequester(int brokerId, LongSupplier brokerEpoch, BrokerToControllerChannel channel, int maxRetries,
                                       long retryBackoffMs, long requestTimeoutMs) {
        this.brokerId = brokerId;
        this.brokerEpoch = brokerEpoch;
        this.channel = channel;
        this.maxRetries = maxRetries;
        this.retryBackoffMs = retryBackoffMs;
        this.requestTimeoutMs = requestTimeoutMs;
    }

    /** @return true once the controller has moved every leadership that could move */
    public boolean run() throws InterruptedException {
        for (int attempt = 1; attempt <= maxRetries; attempt++) {
            String outcome;
            try {
                ControlledShutdownResponse response = channel.<ControlledShutdownResponse>send(new ControlledShutdownRequest()
                        .setBrokerId(brokerId).setBrokerEpoch(brokerEpoch.getAsLong()), VERSION)
                        .get(requestTimeoutMs, TimeUnit.MILLISECONDS);
                Errors error = Errors.forCode(response.errorCode());
                if (error == Errors.NONE && response.remainingPartitions().isEmpty()) {
                    LOG.info("Controlled shutdown of broker {} succeeded", brokerId);
                    return true;
                }
                List<String> remaining = new ArrayList<>();
                response.remainingPartitions().forEach(p -> remaining.add(p.topicName() + "-" + p.partitionIndex()));
                outcome = error != Errors.NONE ? "the controller answered " + error
                        : "broker " + brokerId + " still leads " + remaining;
            } catch (ExecutionException e) {
                outcome = "the request failed: " + e.getCause();
            } catch (TimeoutException e) {
                outcome = "no answer within " + requestTimeoutMs + " ms";
            }
            LOG.warn("Controlled shutdown attempt {} of {} did not complete: {}", attempt, maxRetries, outcome);
            if (attempt < maxRetries) {
                TimeUnit.MILLISECONDS.sleep(retryBackoffMs);
            }
        }
        LOG.warn("Proceeding to do an unclean shutdown as all the controlled shutdown attempts failed");
        return false;
    }
}
