package com.acme.governance.query.audit;

import com.acme.governance.api.audit.HashChain;
import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.ProjectionDispatcher;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.EventChain;
import com.acme.governance.query.support.QueryHttpTest;
import com.acme.governance.query.support.TestJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/v1/audit/events}: the whole audit trail, paged by cursor or streamed as NDJSON, over HTTP. The
 * export reads pages of 3 here, so that every export spans several.
 */
@TestPropertySource(properties = "governance.query.audit.export-batch-size=3")
class AuditTrailReadsTest extends QueryHttpTest {

    private static final String EVENTS = "/api/v1/audit/events";
    private static final Comparator<JsonNode> TRAIL_ORDER = Comparator
            .comparing((JsonNode item) -> Instant.parse(item.get("time").asText()))
            .thenComparing(item -> item.get("aggregateId").asText())
            .thenComparingLong(item -> item.get("sequence").asLong());

    @Autowired
    private ProjectionDispatcher dispatcher;

    @Test
    void anItemCarriesTheWholeEnvelopeAndItsHashRecomputes() throws Exception {
        JsonNode registered = json(as("dave", get(EVENTS).param("aggregateId", PRODUCT).param("size", "1")))
                .get("items").get(0);

        assertThat(fieldNames(registered)).containsExactly("eventId", "aggregateId", "aggregateType", "sequence",
                "type", "revision", "time", "principal", "issuer", "teams", "roles", "correlationId", "causationId",
                "hash", "previousHash", "payload");
        assertThat(registered.get("issuer").asText()).isEqualTo(EventChain.ISSUER);
        assertThat(registered.get("aggregateType").asText()).isEqualTo("DataProduct");
        assertThat(registered.get("sequence").asLong()).isZero();
        assertThat(registered.get("type").asText()).isEqualTo("governance.dataproduct.registered.v2");
        assertThat(registered.get("revision").asText()).isEqualTo("2");
        assertThat(registered.get("time").asText()).isEqualTo(DataProductStream.START.toString());
        assertThat(registered.get("previousHash").asText()).isEmpty();
        assertThat(registered.get("payload").get("title").asText()).isEqualTo("Orders");
        assertThat(registered.get("hash").asText()).isEqualTo(recomputedHash(registered));
    }

    @Test
    void theCursorWalksTheWholeTrailOldestFirstWithoutRepeatingAnEvent() throws Exception {
        List<JsonNode> everything = items(json(as("dave", get(EVENTS).param("size", "1000"))));
        List<JsonNode> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            MockHttpServletRequestBuilder page = get(EVENTS).param("size", "4");
            JsonNode answer = json(as("carol", cursor == null ? page : page.param("cursor", cursor)));
            walked.addAll(items(answer));
            cursor = answer.get("next").isNull() ? null : answer.get("next").asText();
            pages++;
        } while (cursor != null && pages < 100);

        assertThat(everything).hasSizeGreaterThanOrEqualTo(15).isSortedAccordingTo(TRAIL_ORDER);
        assertThat(walked).extracting(item -> item.get("eventId").asText())
                .containsExactlyElementsOf(everything.stream().map(item -> item.get("eventId").asText()).toList());
    }

    @Test
    void aCursorStaysValidWhileEventsArrive() throws Exception {
        String product = "sales.late-arrivals";
        List<IncomingEvent> stream = DataProductStream.fullLifecycle(product);
        stream.subList(0, 3).forEach(dispatcher::dispatch);
        JsonNode first = json(as("dave", get(EVENTS).param("aggregateId", product).param("size", "2")));

        stream.subList(3, stream.size()).forEach(dispatcher::dispatch);
        JsonNode rest = json(as("dave", get(EVENTS).param("aggregateId", product)
                .param("cursor", first.get("next").asText())));

        assertThat(items(first)).extracting(item -> item.get("sequence").asLong()).containsExactly(0L, 1L);
        assertThat(items(rest)).extracting(item -> item.get("sequence").asLong()).containsExactly(2L, 3L, 4L, 5L);
        assertThat(rest.get("next").isNull()).isTrue();
    }

    @Test
    void filtersCombine() throws Exception {
        assertThat(items(json(as("dave", get(EVENTS).param("aggregateType", "Policy")))))
                .isNotEmpty().allSatisfy(item -> assertThat(item.get("aggregateType").asText()).isEqualTo("Policy"));
        assertThat(items(json(as("dave", get(EVENTS).param("principal", "carol").param("aggregateId", PRODUCT)))))
                .extracting(item -> item.get("type").asText())
                .containsExactly("governance.dataproduct.deprecated.v2", "governance.dataproduct.retired.v1");
        assertThat(items(json(as("dave", get(EVENTS).param("type", "governance.access-grant.granted.v1")
                .param("aggregateId", GRANTED))))).hasSize(1);
        Instant second = DataProductStream.START.plusSeconds(1);
        assertThat(items(json(as("dave", get(EVENTS).param("aggregateId", PRODUCT)
                .param("from", second.toString()).param("to", second.plusSeconds(2).toString())))))
                .extracting(item -> item.get("sequence").asLong()).containsExactly(1L, 2L);
    }

    @Test
    void fromAfterToIsInvalidInputNamingTo() throws Exception {
        mvc.perform(as("dave", get(EVENTS).param("from", "2026-03-02T00:00:00Z").param("to", "2026-03-01T00:00:00+01:00")))
                .andExpect(status().isBadRequest())
                .andExpect(problem(ProblemTypes.INVALID_INPUT))
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be before from"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dave", "carol", "admin"})
    void auditorsStewardsAndOperatorsRead(String user) throws Exception {
        mvc.perform(as(user, get(EVENTS))).andExpect(status().isOk());
        mvc.perform(as(user, get(EVENTS)).accept(MediaType.APPLICATION_NDJSON)).andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "bob", "erin"})
    void domainTeamMembersAreForbidden(String user) throws Exception {
        mvc.perform(as(user, get(EVENTS))).andExpect(status().isForbidden()).andExpect(problem(ProblemTypes.FORBIDDEN));
        mvc.perform(as(user, get(EVENTS)).accept(MediaType.APPLICATION_NDJSON))
                .andExpect(status().isForbidden()).andExpect(problem(ProblemTypes.FORBIDDEN));
    }

    @Test
    void nobodyReadsUnauthenticated() throws Exception {
        mvc.perform(get(EVENTS)).andExpect(status().isUnauthorized()).andExpect(problem(ProblemTypes.UNAUTHENTICATED));
    }

    @Test
    void withoutAnAcceptHeaderOrWithAnyTheAnswerIsAPage() throws Exception {
        mvc.perform(as("dave", get(EVENTS)))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        mvc.perform(as("dave", get(EVENTS)).accept(MediaType.ALL))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }

    @Test
    void theNdjsonExportHasTheSameItemsAsThePages() throws Exception {
        String export = mvc.perform(as("dave", get(EVENTS).param("aggregateId", PRODUCT))
                        .accept(MediaType.APPLICATION_NDJSON))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<JsonNode> lines = Arrays.stream(export.split("\n")).map(AuditTrailReadsTest::parse).toList();

        assertThat(export).endsWith("\n");
        assertThat(lines).containsExactlyElementsOf(items(json(as("dave", get(EVENTS).param("aggregateId", PRODUCT)))));
    }

    @Test
    void theWholeExportReadsPageAfterPageInTheTrailsOrderWithoutRepeatingOrSkippingAnEvent() throws Exception {
        String export = mvc.perform(as("dave", get(EVENTS)).accept(MediaType.APPLICATION_NDJSON))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<JsonNode> lines = Arrays.stream(export.split("\n")).map(AuditTrailReadsTest::parse).toList();
        List<JsonNode> everything = items(json(as("dave", get(EVENTS).param("size", "1000"))));

        assertThat(everything).hasSizeGreaterThanOrEqualTo(15);
        assertThat(lines).isSortedAccordingTo(TRAIL_ORDER).extracting(item -> item.get("eventId").asText())
                .containsExactlyElementsOf(everything.stream().map(item -> item.get("eventId").asText()).toList());
    }

    @Test
    void theExportStreamsEveryMatchSoItTakesNoSize() throws Exception {
        mvc.perform(as("dave", get(EVENTS).param("size", "10")).accept(MediaType.APPLICATION_NDJSON))
                .andExpect(status().isBadRequest())
                .andExpect(problem(ProblemTypes.INVALID_INPUT))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void aReadWithATokenWaitsForItsEvent() throws Exception {
        mvc.perform(as("dave", get(EVENTS)).header("X-Governance-Token", PRODUCT + ":5")).andExpect(status().isOk());
        mvc.perform(as("dave", get(EVENTS)).header("X-Governance-Token", PRODUCT + ":6"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(problem(ProblemTypes.READ_MODEL_BEHIND));
        mvc.perform(as("dave", get(EVENTS)).accept(MediaType.APPLICATION_NDJSON)
                        .header("X-Governance-Token", PRODUCT + ":6"))
                .andExpect(status().isServiceUnavailable());
    }

    private JsonNode json(MockHttpServletRequestBuilder request) throws Exception {
        return parse(mvc.perform(request).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String json) {
        try {
            return TestJson.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static List<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** What an offline verifier does with one item: only the item's own fields go in. */
    static String recomputedHash(JsonNode item) {
        return HashChain.hash(item.get("previousHash").asText(), new HashChain.Link(item.get("aggregateId").asText(),
                item.get("sequence").asLong(), item.get("type").asText(), item.get("eventId").asText(),
                Instant.parse(item.get("time").asText()), item.get("payload"), item.get("principal").asText(),
                strings(item.get("teams")), strings(item.get("roles")), item.get("correlationId").asText(),
                item.get("causationId").asText(), item.get("issuer").isNull() ? null : item.get("issuer").asText()));
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

}
