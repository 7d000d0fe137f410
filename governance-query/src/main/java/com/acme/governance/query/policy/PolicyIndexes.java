package com.acme.governance.query.policy;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.ingestion.SequencedDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import org.springframework.stereotype.Component;

/** The indexes of the policy list filters (see {@link PolicySearchFilter}) and of a policy's versions. */
@Component("queryPolicyIndexes")
public class PolicyIndexes implements ReadModelIndexes {

    @Override
    public void createIndexes(ReadModelDatabase database) {
        MongoCollection<PolicyView> policies = PolicyProjection.policiesIn(database);
        SequencedDocuments.createSequenceIndex(policies, PolicyProjection.EVENT_COUNT);
        policies.createIndex(Indexes.ascending("status"));
        policies.createIndex(Indexes.ascending(PolicySearchFilter.SCOPE_DOMAIN));
        PolicyProjection.versionsIn(database).createIndex(Indexes.ascending("policyId", "version"));
    }
}
