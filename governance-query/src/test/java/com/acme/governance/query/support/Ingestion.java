package com.acme.governance.query.support;

import com.acme.governance.query.audit.AuditEventProjection;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.consistency.PositionAdvancedSignal;
import com.acme.governance.query.consistency.ProjectionPositions;
import com.acme.governance.query.dataproduct.DataProductProjection;
import com.acme.governance.query.ingestion.ConsumerPositions;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.ingestion.AggregateParallelism;
import com.acme.governance.query.ingestion.GovernanceEventListener;
import com.acme.governance.query.ingestion.IncomingEventReader;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.ingestion.ProjectionDispatcher;
import com.acme.governance.query.ingestion.ProjectionStallMonitor;
import com.acme.governance.query.ingestion.RecordDecoder;
import com.acme.governance.query.parking.ParkedEvents;
import com.acme.governance.query.parking.RecordParking;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The query side's ingestion wired by hand over one fresh read-model database: the data product and audit
 * projections plus any given ones, positions, parking with an in-memory dead-letter topic, the stall monitor and
 * meters. {@link #instance()} builds a second query instance over the same database (same consumer group).
 */
public final class Ingestion {

    public static final String GROUP = "governance-query";

    public final ReadModelDatabase database;
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final ProjectionPositions projectionPositions;
    public final ConsumerPositions consumerPositions;
    public final ParkedEvents parked;
    public final RecordingDeadLetters deadLetters;
    public final ProjectionDispatcher dispatcher;
    public final RecordDecoder decoder;
    public final ProjectionStallMonitor stalls;
    public final RecordParking parking;
    public final GovernanceEventListener listener;
    private final List<Projection> extra;
    private final Duration stallThreshold;

    private Ingestion(ReadModelDatabase database, List<Projection> extra, Duration stallThreshold,
                      RecordingDeadLetters deadLetters) {
        this.database = database;
        this.extra = extra;
        this.stallThreshold = stallThreshold;
        this.deadLetters = deadLetters;
        this.projectionPositions = new ProjectionPositions(database, new PositionAdvancedSignal());
        this.consumerPositions = new ConsumerPositions(database, Duration.ZERO, Clock.systemUTC());
        this.parked = new ParkedEvents(database);
        EventPayloads payloads = new EventPayloads(TestJson.MAPPER);
        List<Projection> projections = new ArrayList<>(extra);
        projections.add(new DataProductProjection(database, payloads));
        projections.add(new AuditEventProjection(database));
        this.dispatcher = new ProjectionDispatcher(projections, projectionPositions, meters, database.generations());
        this.decoder = new RecordDecoder(new IncomingEventReader(TestJson.MAPPER), payloads);
        this.stalls = new ProjectionStallMonitor(stallThreshold, meters, Clock.systemUTC());
        this.parking = new RecordParking(parked, deadLetters, decoder, dispatcher, meters);
        this.listener = new GovernanceEventListener(decoder, dispatcher, consumerPositions, parking, stalls, GROUP,
                Duration.ofSeconds(2), new AggregateParallelism(4, "query-ingestion"));
    }

    public static Ingestion over(ReadModelDatabase database, Projection... extra) {
        return new Ingestion(database, List.of(extra), Duration.ofSeconds(30), new RecordingDeadLetters());
    }

    public static Ingestion over(ReadModelDatabase database, Duration stallThreshold, Projection... extra) {
        return new Ingestion(database, List.of(extra), stallThreshold, new RecordingDeadLetters());
    }

    /** Another query instance on the same database and dead-letter topic, as after a rebalance or a restart. */
    public Ingestion instance() {
        return new Ingestion(database, extra, stallThreshold, deadLetters);
    }

    public Document product(String id) {
        return database.collection(DataProductProjection.COLLECTION, Document.class).find(Filters.eq("_id", id)).first();
    }

    /** The product's event count, 0 when it does not exist. */
    public long version(String id) {
        Document product = product(id);
        return product == null ? 0 : product.get("version", Number.class).longValue();
    }

    public double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    public double counter(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }
}
