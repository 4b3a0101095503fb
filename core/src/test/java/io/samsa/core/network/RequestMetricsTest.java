package io.samsa.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.samsa.common.Errors;
import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Message;
import io.samsa.protocol.message.FetchResponse;
import io.samsa.protocol.message.ProduceResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {

    private final BrokerMetrics metrics = new BrokerMetrics();
    private final RequestMetrics requests = new RequestMetrics(metrics);

    private long count(String name) {
        return metrics.registry().meter("kafka.network:type=RequestMetrics," + name).getCount();
    }

    @Test
    void errorsPerSecCountsEveryErrorCodeInTheResponseAsKafkaDoes() {
        ProduceResponse response = new ProduceResponse();
        ProduceResponse.TopicProduceResponse topic = new ProduceResponse.TopicProduceResponse().setName("t");
        response.responses().add(topic);
        topic.partitionResponses().add(new ProduceResponse.PartitionProduceResponse().setIndex(0).setErrorCode(Errors.NONE.code()));
        topic.partitionResponses().add(new ProduceResponse.PartitionProduceResponse().setIndex(1).setErrorCode(Errors.NONE.code()));
        topic.partitionResponses().add(new ProduceResponse.PartitionProduceResponse().setIndex(2)
                .setErrorCode(Errors.NOT_LEADER_OR_FOLLOWER.code()));
        requests.recordErrors(ApiKeys.PRODUCE, response);
        assertEquals(2, count("name=ErrorsPerSec,request=Produce,error=NONE"));
        assertEquals(1, count("name=ErrorsPerSec,request=Produce,error=NOT_LEADER_OR_FOLLOWER"));
    }

    @Test
    void everyResponseWithATopLevelErrorCodeReportsIt() throws Exception {
        for (ApiKeys api : ApiKeys.values()) {
            Message response = api.newResponse();
            List<Integer> codes = new ArrayList<>();
            response.forEachErrorCode(codes::add);
            codes.forEach(c -> assertEquals(0, (int) c, api + " answers NONE by default"));
            boolean hasTopLevel = Arrays.stream(response.getClass().getMethods()).anyMatch(m -> m.getName().equals("errorCode"));
            assertEquals(hasTopLevel ? 1 : 0, codes.size(), api + "'s error codes: " + codes);
        }
    }

    @Test
    void nestedErrorCodesAreCountedWithTheTopLevelOne() {
        FetchResponse response = new FetchResponse().setErrorCode(Errors.NONE.code());
        FetchResponse.FetchableTopicResponse topic = new FetchResponse.FetchableTopicResponse().setTopic("t");
        response.responses().add(topic);
        topic.partitions().add(new FetchResponse.PartitionData().setPartitionIndex(0).setErrorCode(Errors.OFFSET_OUT_OF_RANGE.code()));
        requests.recordErrors(ApiKeys.FETCH, response);
        assertEquals(1, count("name=ErrorsPerSec,request=Fetch,error=NONE"));
        assertEquals(1, count("name=ErrorsPerSec,request=Fetch,error=OFFSET_OUT_OF_RANGE"));
    }

    @Test
    void timesAreSplitIntoKafkasPhasesInMilliseconds() {
        long ms = 1_000_000L;
        requests.record(ApiKeys.FETCH, (short) 12, 0, 2 * ms, 5 * ms, 505 * ms, 506 * ms, 510 * ms);
        requests.record(ApiKeys.FETCH, (short) 12, 0, 1 * ms, RequestMetrics.UNSET, 3 * ms, 3 * ms, 3 * ms);
        assertEquals(2, count("name=RequestsPerSec,request=Fetch,version=12"));
        var h = metrics.registry().getHistograms();
        assertEquals(510, h.get("kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Fetch").getSnapshot().getMax());
        assertEquals(500, h.get("kafka.network:type=RequestMetrics,name=RemoteTimeMs,request=Fetch").getSnapshot().getMax());
        assertEquals(2, h.get("kafka.network:type=RequestMetrics,name=RequestQueueTimeMs,request=Fetch").getSnapshot().getMax());
        assertEquals(3, h.get("kafka.network:type=RequestMetrics,name=LocalTimeMs,request=Fetch").getSnapshot().getMax());
        assertEquals(4, h.get("kafka.network:type=RequestMetrics,name=ResponseSendTimeMs,request=Fetch").getSnapshot().getMax());
        assertEquals(1, h.get("kafka.network:type=RequestMetrics,name=ResponseQueueTimeMs,request=Fetch").getSnapshot().getMax());
    }
}
