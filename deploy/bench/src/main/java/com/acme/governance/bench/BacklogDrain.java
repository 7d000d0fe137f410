package com.acme.governance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Before B8: waits until the load has left nothing behind, so that the idle window watches an idle stack rather than
 * a backlog. Nothing behind means both: every command-side event processor has handled every stored event (health
 * component {@code eventProcessors}, as an operator sees it), and the query side's consumer group has applied every
 * record of the event topic (its committed offsets, which the query side commits after a poll's records are applied,
 * for lag tools exactly like this one, at the topic's end). The tokens the harness holds, with which B2 waits for the
 * read side, are not enough here: the events the processors append after the load (grants provisioned, for one) were
 * never answered to the harness.
 *
 * <p>How long this takes is itself a figure: how long the stack needs to drain what the load left.
 */
public final class BacklogDrain {

    /** The query side's default consumer group, {@code governance.query.consumer-group}. */
    static final String QUERY_GROUP = "governance-query";
    static final String TOPIC = "governance.events";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final int PROGRESS_EVERY_POLLS = 10;

    /**
     * @param drained   whether both sides caught up within the timeout
     * @param seconds   from the start of the wait until they had, or until the timeout
     * @param remaining what was still behind when the wait ended, empty when drained
     */
    public record Drained(boolean drained, double seconds, String remaining) {
    }

    private final Api api;
    private final String kafka;

    public BacklogDrain(Api api, String kafka) {
        this.api = api;
        this.kafka = kafka;
    }

    public Drained await(Duration timeout, Consumer<String> progress) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            for (int poll = 0; ; poll++) {
                List<String> behind = new ArrayList<>(commandSideBehind());
                long lag = readSideLag(admin);
                if (lag > 0) {
                    behind.add(String.format(Locale.ROOT, "read side %,d records behind", lag));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (behind.isEmpty()) {
                    return new Drained(true, seconds, "");
                }
                if (System.nanoTime() >= deadline) {
                    return new Drained(false, seconds, String.join("; ", behind));
                }
                if (poll % PROGRESS_EVERY_POLLS == 0) {
                    progress.accept(String.format(Locale.ROOT, "draining the load's backlog, %.0f s: %s", seconds,
                            String.join("; ", behind)));
                }
                Thread.sleep(POLL.toMillis()); // a progress poll of the stack's own work, bounded by the timeout
            }
        }
    }

    /** Each processor that has not handled every stored event, or is failing, with what its health says. */
    private List<String> commandSideBehind() throws Exception {
        JsonNode health = JSON.readTree(api.send("admin", "GET", "/actuator/health/eventProcessors", null).body());
        JsonNode processors = health.path("details");
        if (processors.isMissingNode() || processors.isEmpty()) {
            throw new IllegalStateException("/actuator/health/eventProcessors shows admin no processors: " + health);
        }
        List<String> behind = new ArrayList<>();
        processors.fields().forEachRemaining(processor -> {
            JsonNode status = processor.getValue();
            if (failing(status)) {
                behind.add(processor.getKey() + " failing: " + status);
            } else if (!status.path("caughtUp").asBoolean()) {
                behind.add(processor.getKey() + " behind" + oldestUnprocessed(status.path("segments")));
            }
        });
        return behind;
    }

    private static boolean failing(JsonNode status) {
        boolean segmentFailing = false;
        for (JsonNode segment : status.path("segments")) {
            segmentFailing |= segment.has("error");
        }
        return segmentFailing || !status.path("running").asBoolean() || status.path("pausedOnError").asBoolean();
    }

    private static String oldestUnprocessed(JsonNode segments) {
        for (JsonNode segment : segments) {
            if (segment.has("oldestUnprocessedEvent")) {
                return " (oldest unhandled event stored at " + segment.path("oldestUnprocessedEvent").asText() + ")";
            }
        }
        return "";
    }

    /** Records of the event topic the query side's consumer group has not applied yet. */
    private static long readSideLag(Admin admin) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> applied = admin.listConsumerGroupOffsets(QUERY_GROUP)
                .partitionsToOffsetAndMetadata().get();
        List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC)
                .partitions().stream().map(partition -> new TopicPartition(TOPIC, partition.partition())).toList();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())),
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        long lag = 0;
        for (Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
            OffsetAndMetadata committed = applied.get(end.getKey());
            lag += Math.max(0, end.getValue().offset() - (committed == null ? 0 : committed.offset()));
        }
        return lag;
    }
}
