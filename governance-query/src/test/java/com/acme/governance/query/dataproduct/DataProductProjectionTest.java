package com.acme.governance.query.dataproduct;

import com.acme.governance.api.audit.Actor;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.ProjectionContractTest;
import com.acme.governance.query.support.TestJson;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;
import java.util.Map;

import static com.acme.governance.query.support.DataProductStream.START;
import static org.assertj.core.api.Assertions.assertThat;

class DataProductProjectionTest extends ProjectionContractTest {

    private static final String ID = "sales.orders";

    @Override
    protected Projection projection(ReadModelDatabase database) {
        return new DataProductProjection(database, new EventPayloads(TestJson.MAPPER));
    }

    @Override
    protected ReadModelIndexes indexes() {
        return new DataProductIndexes();
    }

    @Override
    protected List<List<IncomingEvent>> streams() {
        return List.of(DataProductStream.fullLifecycle(ID),
                DataProductStream.of("marketing.campaigns").registered().contractPublished("1.0.0").published().events(),
                DataProductStream.of("logistics.shipments").registered().unknown("governance.dataproduct.renamed.v1")
                        .updated().events(),
                DataProductStream.of("sales.legacy").registered().published().deprecatedAsRevision1().events());
    }

    @Test
    void bothRevisionsOfADeprecationAreProjected() {
        DataProductStream.of("sales.legacy").registered().published().deprecatedAsRevision1().events()
                .forEach(projection::apply);
        DataProductStream.of("sales.clicks").registered().published().deprecatedFor("sales.clicks-v2").events()
                .forEach(projection::apply);

        Document legacy = product("sales.legacy");
        assertThat(legacy.getString("status")).isEqualTo("DEPRECATED");
        assertThat(legacy.getString("deprecationReason")).isEqualTo("superseded by sales.orders-v2");
        assertThat(legacy.get("replacedBy")).as("revision 1 could not name a successor").isNull();
        assertThat(legacy.get("version", Number.class).longValue()).isEqualTo(3);
        Document clicks = product("sales.clicks");
        assertThat(clicks.getString("status")).isEqualTo("DEPRECATED");
        assertThat(clicks.getString("replacedBy")).isEqualTo("sales.clicks-v2");
    }

    @Override
    protected List<String> collections() {
        return List.of(DataProductProjection.COLLECTION);
    }

    @Test
    void registrationCreatesADraftAtVersionOne() {
        projection.apply(DataProductStream.of(ID).registered().last());

        Document product = product(ID);
        assertThat(product.getString("domain")).isEqualTo("sales");
        assertThat(product.getString("name")).isEqualTo("orders");
        assertThat(product.getString("title")).isEqualTo("Orders");
        assertThat(product.getString("description")).isEqualTo("Every order placed");
        assertThat(product.getString("ownerTeam")).isEqualTo("sales");
        assertThat(product.getString("classification")).isEqualTo("CONFIDENTIAL");
        assertThat(product.getList("tags", String.class)).containsExactly("orders", "pii");
        assertThat(product.getList("outputPorts", Document.class)).containsExactly(
                new Document("name", "events").append("kind", "KAFKA_TOPIC").append("address", "sales.orders.v1"));
        assertThat(product.getString("status")).isEqualTo("DRAFT");
        assertThat(product.getList("contractVersions", Document.class)).isEmpty();
        assertThat(product.get("version", Number.class).longValue()).isEqualTo(1);
        assertThat(product.getDate("registeredAt")).isEqualTo(Date.from(START));
        assertThat(product.getString("registeredBy")).isEqualTo("alice");
        assertThat(product.getDate("updatedAt")).isEqualTo(Date.from(START));
        assertThat(product).doesNotContainKeys("deprecationReason", "retirementReason");
    }

    @Test
    void updateReplacesTheDescriptiveFieldsAndKeepsTheRest() {
        List<IncomingEvent> events = DataProductStream.of(ID).registered().updated().events();
        events.forEach(projection::apply);

        Document product = product(ID);
        assertThat(product.getString("title")).isEqualTo("Orders v2");
        assertThat(product.getString("description")).isEqualTo("Every order placed, deduplicated");
        assertThat(product.getString("classification")).isEqualTo("RESTRICTED");
        assertThat(product.getList("tags", String.class)).containsExactly("gdpr", "orders");
        assertThat(product.getList("outputPorts", Document.class)).extracting(port -> port.getString("address"))
                .containsExactly("sales.orders.v2", "warehouse.sales.orders");
        assertThat(product.getString("ownerTeam")).isEqualTo("sales");
        assertThat(product.getString("registeredBy")).isEqualTo("alice");
        assertThat(product.getDate("registeredAt")).isEqualTo(Date.from(START));
        assertThat(product.getDate("updatedAt")).isEqualTo(Date.from(START.plusSeconds(1)));
        assertThat(product.get("version", Number.class).longValue()).isEqualTo(2);
    }

    @Test
    void contractVersionsAreAppendedInOrderWithTheirSchemaAsJson() {
        DataProductStream stream = DataProductStream.of(ID).registered().contractPublished("1.0.0").contractPublished("1.1.0");
        stream.events().forEach(projection::apply);

        List<Document> contracts = product(ID).getList("contractVersions", Document.class);
        assertThat(contracts).extracting(contract -> contract.getString("version")).containsExactly("1.0.0", "1.1.0");
        Document first = contracts.get(0);
        assertThat(first.getString("schemaType")).isEqualTo("JSON_SCHEMA");
        assertThat(first.getString("publishedBy")).isEqualTo("alice");
        assertThat(first.getDate("publishedAt")).isEqualTo(Date.from(START.plusSeconds(1)));
        assertThat(readJson(first.getString("schema"))).isEqualTo(stream.events().get(1).payload().get("schema"));
        assertThat(product(ID).get("version", Number.class).longValue()).isEqualTo(3);
    }

    @Test
    void lifecycleEventsMoveTheStatusAndKeepTheReasons() {
        List<IncomingEvent> events = DataProductStream.fullLifecycle(ID);

        projection.apply(events.get(0));
        projection.apply(events.get(1));
        projection.apply(events.get(2));
        projection.apply(events.get(3));
        assertThat(product(ID).getString("status")).isEqualTo("PUBLISHED");

        projection.apply(events.get(4));
        assertThat(product(ID).getString("status")).isEqualTo("DEPRECATED");
        assertThat(product(ID).getString("deprecationReason")).isEqualTo("superseded by sales.orders-v2");

        projection.apply(events.get(5));
        Document retired = product(ID);
        assertThat(retired.getString("status")).isEqualTo("RETIRED");
        assertThat(retired.getString("retirementReason")).isEqualTo("no consumers left");
        assertThat(retired.getString("deprecationReason")).isEqualTo("superseded by sales.orders-v2");
        assertThat(retired.get("version", Number.class).longValue()).isEqualTo(6);
    }

    @Test
    void anUnknownEventOfADataProductCountsSoTheNextKnownEventStillApplies() {
        List<IncomingEvent> events = DataProductStream.of(ID).registered().unknown("governance.dataproduct.renamed.v1")
                .published().events();
        projection.apply(events.get(0));
        Document registered = product(ID);

        projection.apply(events.get(1));
        Document acknowledged = product(ID);
        assertThat(acknowledged.get("version", Number.class).longValue()).isEqualTo(2);
        assertThat(withoutVersionAndUpdatedAt(acknowledged)).isEqualTo(withoutVersionAndUpdatedAt(registered));

        projection.apply(events.get(2));
        assertThat(product(ID).getString("status")).isEqualTo("PUBLISHED");
        assertThat(product(ID).get("version", Number.class).longValue()).isEqualTo(3);
    }

    @Test
    void eventsOfOtherAggregateTypesAreNotItsBusiness() {
        IncomingEvent registered = DataProductStream.of(ID).registered().last();
        IncomingEvent policyEvent = new IncomingEvent("e-1", "governance.policy.defined.v1", "confidential-data",
                "Policy", 0, START, "carol", Actor.LOCAL_ISSUER, List.of(), List.of("STEWARD"), "c", "c", "h", "",
                TestJson.MAPPER.createObjectNode().put("id", "confidential-data"));

        projection.apply(policyEvent);
        projection.apply(registered);

        assertThat(readModel().get(DataProductProjection.COLLECTION)).extracting(product -> product.getString("_id"))
                .containsExactly(ID);
    }

    private Document product(String id) {
        return database.collection(DataProductProjection.COLLECTION, Document.class).find(Filters.eq("_id", id)).first();
    }

    private static Map<String, Object> withoutVersionAndUpdatedAt(Document document) {
        Document copy = new Document(document);
        copy.remove("version");
        copy.remove("updatedAt");
        return copy;
    }

    private static Object readJson(String text) {
        try {
            return TestJson.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
