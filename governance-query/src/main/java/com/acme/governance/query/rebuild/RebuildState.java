package com.acme.governance.query.rebuild;

import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A rebuild as it is stored ({@code projection_rebuilds}, one document: the latest rebuild), so that whichever
 * instance serves a progress request tells the same, and a rebuild whose owner died can be resumed where its last
 * checkpoint left it.
 *
 * @param owner       the instance running it; {@code heartbeatAt} is when it last said so
 * @param eventsDone  records read and applied (or, if undecodable, held like the live side holds them) so far
 * @param rate        records per second of the current owner's run
 * @param held        aggregates that an undecodable record stopped, as parking stops them on the live side
 */
public record RebuildState(String id, RebuildStatus status, long sourceGeneration, long targetGeneration,
                           String requestedBy, Instant requestedAt, Instant finishedAt, String owner,
                           Instant heartbeatAt, int resumes, long eventsDone, double rate,
                           List<PartitionProgress> partitions, List<String> held, String failure) {

    static final String LATEST = "latest";

    public RebuildState {
        partitions = List.copyOf(partitions);
        held = List.copyOf(held);
    }

    /** An active rebuild whose owner has been silent for longer than the lease: no instance is running it. */
    public boolean interrupted(Instant now, Duration lease) {
        return status.active() && heartbeatAt.plus(lease).isBefore(now);
    }

    /** Records still to read, as far as the log went when last looked at. */
    public long remaining() {
        return partitions.stream().mapToLong(PartitionProgress::lag).sum();
    }

    RebuildState progressed(Instant now, long done, double currentRate, List<PartitionProgress> progress,
                            List<String> heldNow) {
        return new RebuildState(id, status, sourceGeneration, targetGeneration, requestedBy, requestedAt, finishedAt,
                owner, now, resumes, done, currentRate, progress, heldNow, failure);
    }

    RebuildState ownedBy(String newOwner, Instant now) {
        return new RebuildState(id, status, sourceGeneration, targetGeneration, requestedBy, requestedAt, finishedAt,
                newOwner, now, resumes + 1, eventsDone, 0, partitions, held, failure);
    }

    RebuildState withStatus(RebuildStatus newStatus, Instant now, String reason) {
        Instant finished = newStatus.active() ? null : now;
        return new RebuildState(id, newStatus, sourceGeneration, targetGeneration, requestedBy, requestedAt, finished,
                owner, now, resumes, eventsDone, rate, partitions, held, reason);
    }

    Document toDocument() {
        return new Document("_id", LATEST).append("rebuildId", id).append("status", status.name())
                .append("sourceGeneration", sourceGeneration).append("targetGeneration", targetGeneration)
                .append("requestedBy", requestedBy).append("requestedAt", date(requestedAt))
                .append("finishedAt", date(finishedAt)).append("owner", owner)
                .append("heartbeatAt", date(heartbeatAt)).append("resumes", resumes)
                .append("eventsDone", eventsDone).append("rate", rate)
                .append("partitions", partitions.stream().map(PartitionProgress::toDocument).toList())
                .append("held", held).append("failure", failure);
    }

    static RebuildState of(Document document) {
        return new RebuildState(document.getString("rebuildId"), RebuildStatus.valueOf(document.getString("status")),
                document.get("sourceGeneration", Number.class).longValue(),
                document.get("targetGeneration", Number.class).longValue(), document.getString("requestedBy"),
                instant(document.getDate("requestedAt")), instant(document.getDate("finishedAt")),
                document.getString("owner"), instant(document.getDate("heartbeatAt")), document.getInteger("resumes", 0),
                document.get("eventsDone", Number.class).longValue(), document.get("rate", Number.class).doubleValue(),
                document.getList("partitions", Document.class, List.of()).stream().map(PartitionProgress::of).toList(),
                document.getList("held", String.class, List.of()), document.getString("failure"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
