package com.acme.governance.query.dataproduct;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.dataproduct.ListDataProducts;
import com.acme.governance.api.dataproduct.OutputPort;
import com.acme.governance.api.dataproduct.PortKind;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.api.dataproduct.Tag;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.InMemoryMongo;
import com.acme.governance.query.support.TestJson;
import com.acme.governance.query.web.PageView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.acme.governance.query.support.DataProductStream.START;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads over one populated read model; the tests only read, so they share it. */
class DataProductRepositoryTest {

    private static InMemoryMongo mongo;
    private static DataProductRepository repository;

    @BeforeAll
    static void populate() {
        mongo = InMemoryMongo.start();
        var database = mongo.freshDatabase();
        var projection = new DataProductProjection(database, new EventPayloads(TestJson.MAPPER));
        DataProductStream.fullLifecycle("sales.orders").forEach(projection::apply);
        DataProductStream.of("sales.customers")
                .registered("Customers", "Who buys", "sales", Classification.RESTRICTED, List.of("pii")).published()
                .events().forEach(projection::apply);
        DataProductStream.of("marketing.campaigns")
                .registered("Campaigns", "Every campaign, with spend (in EUR)", "marketing", Classification.INTERNAL,
                        List.of("spend")).published()
                .events().forEach(projection::apply);
        DataProductStream.of("logistics.shipments")
                .registered("Shipments", "Parcels .* on their way", "logistics", Classification.PUBLIC,
                        List.of("tracking")).events().forEach(projection::apply);
        repository = new DataProductRepository(database);
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void findsOneProductWithEveryField() {
        DataProductView product = repository.find(DataProductId.of("sales.orders")).orElseThrow();

        assertThat(product.id()).isEqualTo("sales.orders");
        assertThat(product.domain()).isEqualTo("sales");
        assertThat(product.name()).isEqualTo("orders");
        assertThat(product.title()).isEqualTo("Orders v2");
        assertThat(product.ownerTeam()).isEqualTo("sales");
        assertThat(product.classification()).isEqualTo(Classification.RESTRICTED);
        assertThat(product.tags()).containsExactly("gdpr", "orders");
        assertThat(product.outputPorts()).containsExactly(
                new OutputPort("events", PortKind.KAFKA_TOPIC, "sales.orders.v2"),
                new OutputPort("table", PortKind.TABLE, "warehouse.sales.orders"));
        assertThat(product.status()).isEqualTo(DataProductStatus.RETIRED);
        assertThat(product.version()).isEqualTo(6);
        assertThat(product.registeredAt()).isEqualTo(START);
        assertThat(product.registeredBy()).isEqualTo("alice");
        assertThat(product.updatedAt()).isEqualTo(START.plusSeconds(5));
        assertThat(product.deprecationReason()).isEqualTo("superseded by sales.orders-v2");
        assertThat(product.retirementReason()).isEqualTo("no consumers left");
        assertThat(product.contractVersions()).singleElement().satisfies(contract -> {
            assertThat(contract.version()).isEqualTo("1.0.0");
            assertThat(contract.schemaType()).isEqualTo(SchemaType.JSON_SCHEMA);
            assertThat(contract.schema().get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(contract.schema().get("properties").has("order.id")).isTrue();
            assertThat(contract.publishedAt()).isEqualTo(START.plusSeconds(2));
            assertThat(contract.publishedBy()).isEqualTo("alice");
        });
    }

    @Test
    void anUnknownIdIsEmpty() {
        assertThat(repository.find(DataProductId.of("sales.unknown"))).isEmpty();
        assertThat(repository.exists(DataProductId.of("sales.unknown"))).isFalse();
        assertThat(repository.exists(DataProductId.of("sales.orders"))).isTrue();
    }

    @Test
    void withoutFiltersListsEverythingInIdOrder() {
        PageView<DataProductView> page = repository.search(query(null, null, null, null, null, null, 0, 20));

        assertThat(ids(page)).containsExactly("logistics.shipments", "marketing.campaigns", "sales.customers", "sales.orders");
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.page()).isZero();
        assertThat(page.size()).isEqualTo(20);
    }

    @Test
    void filtersCombine() {
        assertThat(ids(repository.search(query("sales", null, null, null, null, null, 0, 20))))
                .containsExactly("sales.customers", "sales.orders");
        assertThat(ids(repository.search(query("sales", null, null, null, DataProductStatus.PUBLISHED, null, 0, 20))))
                .containsExactly("sales.customers");
        assertThat(ids(repository.search(query(null, "marketing", null, null, null, null, 0, 20))))
                .containsExactly("marketing.campaigns");
        assertThat(ids(repository.search(query(null, null, Classification.RESTRICTED, null, null, null, 0, 20))))
                .containsExactly("sales.customers", "sales.orders");
        assertThat(ids(repository.search(query(null, null, null, "pii", null, null, 0, 20))))
                .containsExactly("sales.customers");
        assertThat(ids(repository.search(query(null, null, null, "gdpr", DataProductStatus.DRAFT, null, 0, 20))))
                .isEmpty();
    }

    @Test
    void textSearchFindsProductsWithAWordBeginningWithEachWordOfQ() {
        assertThat(ids(repository.search(query(null, null, null, null, null, "CAMPAIGN", 0, 20))))
                .as("a word of the title, in any case").containsExactly("marketing.campaigns");
        assertThat(ids(repository.search(query(null, null, null, null, null, "who bu", 0, 20))))
                .as("each word begins a word of the description").containsExactly("sales.customers");
        assertThat(ids(repository.search(query(null, null, null, null, null, "track", 0, 20))))
                .as("a word of a tag").containsExactly("logistics.shipments");
        assertThat(ids(repository.search(query(null, null, null, null, null, "who campaign", 0, 20))))
                .as("every word must match").isEmpty();
        assertThat(ids(repository.search(query(null, null, null, null, null, "rack", 0, 20))))
                .as("inside a word is not a beginning").isEmpty();
    }

    @Test
    void textSearchReadsOnlyWordsSoPatternCharactersMeanNothing() {
        assertThat(ids(repository.search(query(null, null, null, null, null, "(in EUR)", 0, 20))))
                .containsExactly("marketing.campaigns");
        assertThat(ids(repository.search(query(null, null, null, null, null, "^parcel.*", 0, 20))))
                .containsExactly("logistics.shipments");
        assertThat(repository.search(query(null, null, null, null, null, ".*", 0, 20)).total())
                .as("no word at all: nothing matches").isZero();
    }

    @Test
    void productsWrittenWithoutSearchTermsAreGivenThemWhenTheIndexesAreCreated() {
        var database = mongo.freshDatabase();
        DataProductStream.of("finance.ledger")
                .registered("Legacy ledger", "Written before", "finance", Classification.INTERNAL, List.of("finance"))
                .events().forEach(new DataProductProjection(database, new EventPayloads(TestJson.MAPPER))::apply);
        var raw = database.collection(DataProductProjection.COLLECTION, org.bson.Document.class);
        raw.updateMany(new org.bson.Document(), com.mongodb.client.model.Updates.unset(SearchTerms.FIELD));
        DataProductRepository written = new DataProductRepository(database);
        assertThat(written.search(query(null, null, null, null, null, "ledger", 0, 20)).total()).isZero();

        new DataProductIndexes().createIndexes(database);

        assertThat(written.search(query(null, null, null, null, null, "ledger fin", 0, 20)).total()).isEqualTo(1);
        assertThat(DataProductIndexes.backfillSearchTerms(DataProductProjection.collectionIn(database)))
                .as("a second start finds nothing to fill").isZero();
    }

    @Test
    void pagesAreSlicesOfTheSameOrderWithTheTotalOfAllMatches() {
        PageView<DataProductView> second = repository.search(query(null, null, null, null, null, null, 1, 3));
        PageView<DataProductView> beyond = repository.search(query(null, null, null, null, null, null, 2, 3));

        assertThat(ids(second)).containsExactly("sales.orders");
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(3);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(4);
    }

    private static ListDataProducts query(String domain, String ownerTeam, Classification classification, String tag,
                                          DataProductStatus status, String q, int page, int size) {
        return new ListDataProducts(domain, ownerTeam == null ? null : TeamName.of(ownerTeam), classification,
                tag == null ? null : Tag.of(tag), status, q, page, size);
    }

    private static List<String> ids(PageView<DataProductView> page) {
        return page.items().stream().map(DataProductView::id).toList();
    }
}
