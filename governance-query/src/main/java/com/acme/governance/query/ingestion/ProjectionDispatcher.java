package com.acme.governance.query.ingestion;

import com.acme.governance.query.consistency.ProjectionPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Hands every event to every projection, then records that its aggregate's read models reached it. The position
 * moves only after all projections succeeded, because readers waiting on a consistency token trust it.
 */
@Component("queryProjectionDispatcher")
public class ProjectionDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ProjectionDispatcher.class);

    private final List<Projection> projections;
    private final ProjectionPositions positions;

    public ProjectionDispatcher(List<Projection> projections, ProjectionPositions positions) {
        this.projections = List.copyOf(projections);
        this.positions = positions;
    }

    public void dispatch(IncomingEvent event) {
        if (!event.isCatalogued()) {
            // A newer producer than this service: projections only acknowledge it, a later release will project it.
            log.warn("Event type {} is not in the EventCatalog of this version; acknowledging {} without projecting it",
                    event.type(), event.describe());
        }
        for (Projection projection : projections) {
            projection.apply(event);
        }
        positions.advance(event.aggregateId(), event.sequence());
    }
}
