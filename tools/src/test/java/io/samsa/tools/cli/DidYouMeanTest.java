package io.samsa.tools.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DidYouMeanTest {

    private static final List<String> CONFIGS = List.of("retention.ms", "retention.bytes", "segment.ms", "segment.bytes",
            "cleanup.policy", "min.insync.replicas", "compression.type");

    @Test
    void distanceCountsEditsAndAdjacentSwapsOnce() {
        assertEquals(0, DidYouMean.distance("topic", "topic"));
        assertEquals(1, DidYouMean.distance("topci", "topic"), "a swap is one edit");
        assertEquals(1, DidYouMean.distance("retension.ms", "retention.ms"));
        assertEquals(1, DidYouMean.distance("partition", "partitions"));
        assertEquals(1, DidYouMean.distance("segmen.ms", "segment.ms"));
        assertEquals(5, DidYouMean.distance("", "topic"));
    }

    @Test
    void suggestsTheNearestNames() {
        assertEquals(List.of("retention.ms"), DidYouMean.suggestions("retension.ms", CONFIGS));
        assertEquals(List.of("retention.bytes"), DidYouMean.suggestions("retention.byte", CONFIGS), "only the nearest");
        assertEquals(List.of("segment.ms", "segment.bytes"), DidYouMean.suggestions("segment", CONFIGS),
                "nothing within the distance: the names it starts, shortest completion first");
        assertEquals(List.of("min.insync.replicas"), DidYouMean.suggestions("MIN.INSYNC.REPLICA", CONFIGS), "case is ignored");
    }

    @Test
    void suggestsNothingForAFarAwayNameOrTheNameItself() {
        assertEquals(List.of(), DidYouMean.suggestions("log.dirs", CONFIGS));
        assertEquals(List.of(), DidYouMean.suggestions("x", CONFIGS));
        assertEquals(List.of(), DidYouMean.suggestions("segment.ms", List.of("segment.ms")));
    }

    @Test
    void atMostThreeSuggestions() {
        assertEquals(3, DidYouMean.suggestions("ab", List.of("abc", "abd", "abe", "abf")).size());
    }

    @Test
    void hintsReadAsAQuestionOrNothing() {
        assertEquals("; did you mean 'retention.ms'?", DidYouMean.hint("retension.ms", CONFIGS));
        assertEquals("; did you mean --acks or --acls?", DidYouMean.hint("acs", List.of("acks", "acls", "topic"), n -> "--" + n));
        assertEquals("", DidYouMean.hint("zzz", CONFIGS));
    }
}
