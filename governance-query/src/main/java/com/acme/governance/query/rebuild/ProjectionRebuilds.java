package com.acme.governance.query.rebuild;

import com.acme.governance.query.config.ReadModelDatabase;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The stored state of the latest rebuild. Every write is conditional, so that several query instances agree on who
 * runs it: a new rebuild replaces only the inactive one it saw (else {@link RebuildInProgressException}), a takeover
 * only the silent owner's last heartbeat it saw, and an owner's checkpoint only its own.
 */
@Component("queryProjectionRebuilds")
public class ProjectionRebuilds {

    private final MongoCollection<Document> collection;

    public ProjectionRebuilds(ReadModelDatabase database) {
        this.collection = database.projectionRebuilds();
    }

    public Optional<RebuildState> latest() {
        return Optional.ofNullable(collection.find(Filters.eq("_id", RebuildState.LATEST)).first())
                .map(RebuildState::of);
    }

    /** Starts {@code fresh} in place of {@code seen}, the latest rebuild as the caller saw it (none, or inactive). */
    void begin(RebuildState fresh, Optional<RebuildState> seen) {
        if (seen.isEmpty()) {
            try {
                collection.insertOne(fresh.toDocument());
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                throw new RebuildInProgressException(latest().map(RebuildState::id).orElse("?"));
            }
        }
        if (!replace(fresh, Filters.and(Filters.eq("rebuildId", seen.get().id()),
                Filters.eq("status", seen.get().status().name())))) {
            throw new RebuildInProgressException(latest().map(RebuildState::id).orElse("?"));
        }
    }

    /** Takes over {@code silent}, whose owner stopped; false if someone else was faster or the owner spoke again. */
    boolean takeOver(RebuildState silent, RebuildState mine) {
        return replace(mine, Filters.and(Filters.eq("rebuildId", silent.id()), Filters.eq("owner", silent.owner()),
                Filters.eq("heartbeatAt", Date.from(silent.heartbeatAt()))));
    }

    /** Stores the owner's state; false once another instance took the rebuild over (the owner must stop). */
    boolean save(RebuildState state) {
        return replace(state, Filters.and(Filters.eq("rebuildId", state.id()), Filters.eq("owner", state.owner())));
    }

    /** The owner is alive, whatever its run is doing (a record may take long to apply). */
    void heartbeat(String rebuildId, String owner, Instant now) {
        collection.updateOne(Filters.and(Filters.eq("_id", RebuildState.LATEST), Filters.eq("rebuildId", rebuildId),
                Filters.eq("owner", owner)), Updates.set("heartbeatAt", Date.from(now)));
    }

    private boolean replace(RebuildState state, Bson condition) {
        return collection.replaceOne(Filters.and(Filters.eq("_id", RebuildState.LATEST), condition),
                state.toDocument()).getMatchedCount() == 1;
    }
}
