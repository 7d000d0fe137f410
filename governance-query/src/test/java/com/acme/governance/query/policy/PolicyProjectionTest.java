package com.acme.governance.query.policy;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.PolicyStream;
import com.acme.governance.query.support.ProjectionContractTest;
import com.acme.governance.query.support.TestJson;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static com.acme.governance.query.support.PolicyStream.START;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyProjectionTest extends ProjectionContractTest {

    private static final String ID = "confidential-data";

    @Override
    protected Projection projection(ReadModelDatabase database) {
        return new PolicyProjection(database, new EventPayloads(TestJson.MAPPER));
    }

    @Override
    protected ReadModelIndexes indexes() {
        return new PolicyIndexes();
    }

    @Override
    protected List<List<IncomingEvent>> streams() {
        return List.of(PolicyStream.fullLifecycle(ID),
                PolicyStream.of("sales-pii", START.plusSeconds(60)).defined().amended("wider").amended("narrower").events(),
                PolicyStream.of("retention", START.plusSeconds(120)).defined().unknown("governance.policy.renamed.v1")
                        .retired("folded into confidential-data").events());
    }

    @Override
    protected List<String> collections() {
        return List.of(PolicyProjection.POLICIES, PolicyProjection.VERSIONS);
    }

    @Test
    void definitionCreatesAnActivePolicyAtVersionOne() {
        projection.apply(PolicyStream.of(ID).defined().last());

        Document policy = policy(ID);
        assertThat(policy.getString("name")).isEqualTo("Confidential data");
        assertThat(policy.get("scope", Document.class)).isEqualTo(new Document());
        assertThat(policy.getList("rules", Document.class)).containsExactly(confidentialRule());
        assertThat(policy.get("version", Number.class).intValue()).isEqualTo(1);
        assertThat(policy.getString("status")).isEqualTo("ACTIVE");
        assertThat(policy.getDate("definedAt")).isEqualTo(Date.from(START));
        assertThat(policy.getString("definedBy")).isEqualTo("carol");
        assertThat(policy.get("amendedAt")).isNull();
        assertThat(policy.get("retiredAt")).isNull();
        assertThat(policy.get("retirementReason")).isNull();
        assertThat(policy.get("eventCount", Number.class).longValue()).isEqualTo(1);
    }

    @Test
    void definitionRecordsVersionOneWithoutRationale() {
        projection.apply(PolicyStream.of(ID).defined().last());

        assertThat(versions(ID)).singleElement().satisfies(version -> {
            assertThat(version.getString("_id")).isEqualTo(ID + ":1");
            assertThat(version.getString("policyId")).isEqualTo(ID);
            assertThat(version.get("version", Number.class).intValue()).isEqualTo(1);
            assertThat(version.getString("name")).isEqualTo("Confidential data");
            assertThat(version.get("scope", Document.class)).isEqualTo(new Document());
            assertThat(version.getList("rules", Document.class)).containsExactly(confidentialRule());
            assertThat(version.get("rationale")).isNull();
            assertThat(version.getString("decidedBy")).isEqualTo("carol");
            assertThat(version.getDate("decidedAt")).isEqualTo(Date.from(START));
        });
    }

    @Test
    void amendmentReplacesNameScopeAndRulesAsTheNextVersion() {
        PolicyStream.of(ID).defined().amended("pii needs a shorter grant").events().forEach(projection::apply);

        Document policy = policy(ID);
        assertThat(policy.getString("name")).isEqualTo("Confidential and personal data");
        assertThat(policy.get("scope", Document.class)).isEqualTo(new Document("domain", "sales"));
        assertThat(policy.getList("rules", Document.class)).hasSize(2).startsWith(confidentialRule());
        assertThat(policy.getList("rules", Document.class).get(1).get("when", Document.class).getList("tags", String.class))
                .containsExactly("gdpr", "pii");
        assertThat(policy.get("version", Number.class).intValue()).isEqualTo(2);
        assertThat(policy.getDate("amendedAt")).isEqualTo(Date.from(START.plusSeconds(1)));
        assertThat(policy.getString("amendedBy")).isEqualTo("carol");
        assertThat(policy.getDate("definedAt")).isEqualTo(Date.from(START));
        assertThat(policy.getString("status")).isEqualTo("ACTIVE");

        List<Document> versions = versions(ID);
        assertThat(versions).extracting(version -> version.get("version", Number.class).intValue()).containsExactly(1, 2);
        assertThat(versions.get(0).getString("name")).isEqualTo("Confidential data");
        assertThat(versions.get(1).getString("name")).isEqualTo("Confidential and personal data");
        assertThat(versions.get(1).getString("rationale")).isEqualTo("pii needs a shorter grant");
        assertThat(versions.get(1).getDate("decidedAt")).isEqualTo(Date.from(START.plusSeconds(1)));
    }

    @Test
    void retirementIsRecordedButMakesNoVersion() {
        PolicyStream.fullLifecycle(ID).forEach(projection::apply);

        Document policy = policy(ID);
        assertThat(policy.getString("status")).isEqualTo("RETIRED");
        assertThat(policy.get("version", Number.class).intValue()).isEqualTo(2);
        assertThat(policy.get("eventCount", Number.class).longValue()).isEqualTo(3);
        assertThat(policy.getDate("retiredAt")).isEqualTo(Date.from(START.plusSeconds(2)));
        assertThat(policy.getString("retiredBy")).isEqualTo("carol");
        assertThat(policy.getString("retirementReason")).isEqualTo("superseded by data-classification");
        assertThat(policy.getString("name")).isEqualTo("Confidential and personal data");
        assertThat(versions(ID)).hasSize(2);
    }

    @Test
    void aVersionRecordLostAfterTheChangeIsWrittenByTheRedelivery() {
        List<IncomingEvent> events = PolicyStream.of(ID).defined().amended("first").events();
        events.forEach(projection::apply);
        Document expected = versions().find(Filters.eq("_id", ID + ":2")).first();
        Document policy = policy(ID);
        // as if the instance died between the current state's update and the version's insert
        versions().deleteOne(Filters.eq("_id", ID + ":2"));

        projection.apply(events.get(1));

        assertThat(versions().find(Filters.eq("_id", ID + ":2")).first()).isEqualTo(expected);
        assertThat(policy(ID)).isEqualTo(policy);
    }

    @Test
    void anUnknownEventOfAPolicyCountsSoTheNextKnownEventStillApplies() {
        List<IncomingEvent> events = PolicyStream.of(ID).defined().unknown("governance.policy.renamed.v1")
                .retired("done").events();
        events.forEach(projection::apply);

        Document policy = policy(ID);
        assertThat(policy.getString("status")).isEqualTo("RETIRED");
        assertThat(policy.get("eventCount", Number.class).longValue()).isEqualTo(3);
        assertThat(policy.get("version", Number.class).intValue()).isEqualTo(1);
    }

    @Test
    void eventsOfOtherAggregatesAreNotItsBusiness() {
        DataProductStream.fullLifecycle("sales.orders").forEach(projection::apply);
        projection.apply(DataProductStream.of("sales.orders").registered().unknown("governance.dataproduct.renamed.v1")
                .last());

        assertThat(readModel().get(PolicyProjection.POLICIES)).isEmpty();
        assertThat(readModel().get(PolicyProjection.VERSIONS)).isEmpty();
    }

    private static Document confidentialRule() {
        return new Document()
                .append("when", new Document("classifications", List.of("CONFIDENTIAL", "RESTRICTED"))
                        .append("tags", List.of()))
                .append("then", new Document("requiredApprovals", List.of("OWNER", "STEWARD"))
                        .append("maxGrantDays", 30)
                        .append("purposeRequired", true));
    }

    private Document policy(String id) {
        return database.collection(PolicyProjection.POLICIES, Document.class).find(Filters.eq("_id", id)).first();
    }

    private MongoCollection<Document> versions() {
        return database.collection(PolicyProjection.VERSIONS, Document.class);
    }

    private List<Document> versions(String id) {
        return versions().find(Filters.eq("policyId", id)).sort(Sorts.ascending("version"))
                .into(new ArrayList<>());
    }
}
