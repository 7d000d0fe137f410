package com.acme.governance.query.policy;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.mongodb.client.model.Indexes;
import org.springframework.stereotype.Component;

/** The indexes of the policy list filters (see {@link PolicySearchFilter}) and of a policy's versions. */
@Component("queryPolicyIndexes")
public class PolicyIndexes implements ReadModelIndexes {

    @Override
    public void createIndexes(ReadModelDatabase database) {
        PolicyProjection.policiesIn(database).createIndex(Indexes.ascending("status"));
        PolicyProjection.policiesIn(database).createIndex(Indexes.ascending(PolicySearchFilter.SCOPE_DOMAIN));
        PolicyProjection.versionsIn(database).createIndex(Indexes.ascending("policyId", "version"));
    }
}
