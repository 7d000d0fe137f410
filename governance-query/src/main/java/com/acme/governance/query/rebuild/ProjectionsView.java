package com.acme.governance.query.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/v1/admin/projections} answers: the live generation, the latest rebuild (null before the
 * first), and each read model's document count in the live generation and in the rebuild's target.
 */
public record ProjectionsView(long liveGeneration, Long previousGeneration, Instant swappedAt, Rebuild rebuild,
                              List<ReadModel> projections) {

    /**
     * One rebuild; {@code status} is {@code INTERRUPTED} for an active rebuild whose owner has been silent for longer
     * than the lease (an instance is about to resume it).
     *
     * @param eventsTotal      events done plus what the log still holds beyond the rebuild's position
     * @param eventsPerSecond  the rate of the current owner's run
     * @param etaSeconds       at that rate, until the log is read to its end; null while the rate is unknown
     */
    public record Rebuild(String id, String status, String requestedBy, Instant requestedAt, Instant finishedAt,
                          long sourceGeneration, long targetGeneration, long eventsDone, long eventsTotal,
                          long eventsPerSecond, Long etaSeconds, int resumes, Instant heartbeatAt,
                          List<Partition> partitions, List<String> heldAggregates, String failure) {
    }

    /**
     * @param rebuilt the next offset the rebuild reads
     * @param live    the next offset the live consumer applies
     * @param lag     records of the partition the rebuild has still to read
     */
    public record Partition(int partition, long rebuilt, long end, long live, long lag) {
    }

    /**
     * A read-model collection; every one is fed by the same pass over the log, so they share the rebuild's status.
     *
     * @param rebuildDocuments in the rebuild's target generation, null without an active rebuild
     */
    public record ReadModel(String collection, String status, long liveDocuments, Long rebuildDocuments) {
    }
}
