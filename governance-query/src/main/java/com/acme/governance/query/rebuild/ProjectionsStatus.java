package com.acme.governance.query.rebuild;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelGenerations;
import com.acme.governance.query.config.RebuildProperties;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Builds the operator's view of the generations and the latest rebuild, as stored: any instance answers alike. */
@Component("queryProjectionsStatus")
public class ProjectionsStatus {

    private final ReadModelDatabase database;
    private final ProjectionRebuilds rebuilds;
    private final RebuildProperties properties;
    private final Clock clock = Clock.systemUTC();

    public ProjectionsStatus(ReadModelDatabase database, ProjectionRebuilds rebuilds, RebuildProperties properties) {
        this.database = database;
        this.rebuilds = rebuilds;
        this.properties = properties;
    }

    public ProjectionsView current() {
        ReadModelGenerations generations = database.generations();
        long live = generations.liveNow();
        Document liveDocument = generations.liveDocument();
        Number previous = liveDocument == null ? null : liveDocument.get("previous", Number.class);
        Date swappedAt = liveDocument == null ? null : liveDocument.getDate("swappedAt");
        Optional<RebuildState> latest = rebuilds.latest();
        ProjectionsView.Rebuild rebuild = latest.map(this::view).orElse(null);
        Long target = latest.filter(state -> state.status().active()).map(RebuildState::targetGeneration).orElse(null);
        String status = rebuild == null ? "LIVE" : rebuild.status();
        List<ProjectionsView.ReadModel> projections = database.generationalCollections().stream()
                .map(name -> new ProjectionsView.ReadModel(name, status, count(name, live),
                        target == null ? null : count(name, target)))
                .toList();
        return new ProjectionsView(live, previous == null ? null : previous.longValue(),
                swappedAt == null ? null : swappedAt.toInstant(), rebuild, projections);
    }

    private long count(String name, long generation) {
        return database.generations().pinned(generation,
                () -> database.collection(name, Document.class).estimatedDocumentCount());
    }

    private ProjectionsView.Rebuild view(RebuildState state) {
        Instant now = clock.instant();
        String status = state.interrupted(now, properties.lease()) ? "INTERRUPTED" : state.status().name();
        long remaining = state.remaining();
        Long eta = null;
        if (!state.status().active()) {
            eta = 0L;
        } else if (state.rate() > 0) {
            eta = (long) Math.ceil(remaining / state.rate());
        }
        List<ProjectionsView.Partition> partitions = state.partitions().stream()
                .map(p -> new ProjectionsView.Partition(p.partition(), p.next(), p.end(), p.live(), p.lag()))
                .toList();
        return new ProjectionsView.Rebuild(state.id(), status, state.requestedBy(), state.requestedAt(),
                state.finishedAt(), state.sourceGeneration(), state.targetGeneration(), state.eventsDone(),
                state.eventsDone() + remaining, Math.round(state.rate()), eta, state.resumes(), state.heartbeatAt(),
                partitions, state.held(), state.failure());
    }
}
