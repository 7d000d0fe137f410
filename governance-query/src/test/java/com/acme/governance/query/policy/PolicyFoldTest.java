package com.acme.governance.query.policy;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.support.FoldMatchesProjectionTest;
import com.acme.governance.query.support.PolicyStream;

import java.util.List;

class PolicyFoldTest extends FoldMatchesProjectionTest<PolicyView> {

    @Override
    protected Projection projection(ReadModelDatabase database) {
        return new PolicyProjection(database, payloads);
    }

    @Override
    protected ReadModelIndexes indexes() {
        return new PolicyIndexes();
    }

    @Override
    protected PolicyView read(ReadModelDatabase database, String aggregateId) {
        return new PolicyRepository(database).find(aggregateId).orElseThrow();
    }

    @Override
    protected PolicyView fold(PolicyView before, IncomingEvent event, Object payload) {
        return PolicyFold.apply(before, event, payload);
    }

    @Override
    protected List<List<IncomingEvent>> streams() {
        return List.of(PolicyStream.fullLifecycle("confidential-data"),
                PolicyStream.of("pii").defined().amended("shorter").amended("shorter still").events(),
                PolicyStream.of("sales-eu").defined().unknown("governance.policy.renamed.v1").amended("wider").events());
    }
}
