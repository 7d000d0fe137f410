package com.acme.governance.command.processing;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One streaming event processor as this instance sees it: whether it runs, whether it is in error, and each segment it
 * has claimed here with what the store still holds for it. A processor whose segments are all claimed by other
 * instances has no segment here and says nothing about being caught up.
 *
 * @param pausedOnError Axon's processor-wide error pause; a segment failing on an event says so in its own status
 */
record ProcessorStatus(String name, boolean running, boolean pausedOnError, List<SegmentStatus> segments) {

    /** A claimed segment; {@code oldestUnprocessed} is empty when the store holds nothing its token has not seen. */
    record SegmentStatus(int segment, boolean caughtUp, Optional<Instant> oldestUnprocessed, Long position,
                         boolean replaying, String error) {
    }

    static ProcessorStatus of(String name, StreamingEventProcessor processor, UnprocessedEvents unprocessed) {
        List<SegmentStatus> segments = processor.processingStatus().values().stream()
                .sorted(Comparator.comparingInt(status -> status.getSegment().getSegmentId()))
                .map(status -> segment(status, unprocessed))
                .toList();
        return new ProcessorStatus(name, processor.isRunning(), processor.isError(), segments);
    }

    private static SegmentStatus segment(EventTrackerStatus status, UnprocessedEvents unprocessed) {
        Optional<Instant> oldest = unprocessed.oldestBeyond(status.getTrackingToken());
        return new SegmentStatus(status.getSegment().getSegmentId(), oldest.isEmpty(), oldest,
                status.getCurrentPosition().isPresent() ? status.getCurrentPosition().getAsLong() : null,
                status.isReplaying(), status.isErrorState() ? reason(status.getError()) : null);
    }

    /** Every segment claimed here has seen every stored event; empty while none is claimed here. */
    Optional<Boolean> caughtUp() {
        return segments.isEmpty() ? Optional.empty()
                : Optional.of(segments.stream().allMatch(SegmentStatus::caughtUp));
    }

    /** Stopped, or failing on an event that it retries until it succeeds (no event is ever skipped). */
    boolean failing() {
        return !running || pausedOnError || segments.stream().anyMatch(segment -> segment.error() != null);
    }

    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("running", running);
        details.put("pausedOnError", pausedOnError);
        caughtUp().ifPresentOrElse(caughtUp -> details.put("caughtUp", caughtUp),
                () -> details.put("segments", "none claimed on this instance"));
        if (!segments.isEmpty()) {
            details.put("segments", segments.stream().map(ProcessorStatus::details).toList());
        }
        return details;
    }

    private static Map<String, Object> details(SegmentStatus segment) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("segment", segment.segment());
        details.put("caughtUp", segment.caughtUp());
        segment.oldestUnprocessed().ifPresent(oldest -> details.put("oldestUnprocessedEvent", oldest.toString()));
        if (segment.position() != null) {
            details.put("position", segment.position());
        }
        details.put("replaying", segment.replaying());
        if (segment.error() != null) {
            details.put("error", segment.error());
        }
        return details;
    }

    private static String reason(Throwable error) {
        if (error == null) {
            return "unknown";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.toString() : error + " (root cause: " + root + ")";
    }
}
