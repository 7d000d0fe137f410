package com.acme.governance.query.parking;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.mongodb.client.model.Indexes;
import org.springframework.stereotype.Component;

/** The index of an aggregate's parked records in log order (see {@link ParkedEvents#ofAggregate}). */
@Component("queryParkedEventIndexes")
public class ParkedEventIndexes implements ReadModelIndexes {

    @Override
    public void createIndexes(ReadModelDatabase database) {
        database.parkedEvents().createIndex(
                Indexes.ascending(ParkedEvents.AGGREGATE_ID, ParkedEvents.PARTITION, ParkedEvents.OFFSET));
    }
}
