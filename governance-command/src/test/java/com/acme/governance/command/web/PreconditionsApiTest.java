package com.acme.governance.command.web;

import com.acme.governance.command.GovernanceCommandApplication;
import com.acme.governance.edge.testing.Concurrently;
import com.acme.governance.edge.testing.EmbeddedMongoConfiguration;
import com.acme.governance.edge.testing.LocalTestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code If-Match} on every update as ADR 0010 decides it: one strong ETag, the exact quoted form, or nothing
 * changes; products and policies alike. Over a real (embedded) MongoDB event store; Kafka unreachable on purpose.
 */
@SpringBootTest(classes = {GovernanceCommandApplication.class, EmbeddedMongoConfiguration.class, LocalTestUsers.class},
        properties = {"axon.axonserver.enabled=false", "spring.kafka.bootstrap-servers=localhost:1",
                "spring.kafka.admin.operation-timeout=1s"})
@AutoConfigureMockMvc
class PreconditionsApiTest {

    private static final String PROBLEMS = "https://governance.acme.com/problems/";
    private static final String UPDATE = "{\"title\":\"T\",\"classification\":\"INTERNAL\",\"tags\":[],\"outputPorts\":[]}";

    @Autowired
    private MockMvc mvc;

    @Test
    void strongETagOfTheCurrentVersionUpdates() throws Exception {
        register("strong");
        update("strong", "\"1\"").andExpect(status().isOk()).andExpect(header().string(HttpHeaders.ETAG, "\"2\""));
    }

    @Test
    void weakETagNeverMatchesAnUpdateAndTheAnswerNamesTheStrongOne() throws Exception {
        register("weak");
        update("weak", "W/\"1\"")
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "version-mismatch"))
                .andExpect(jsonPath("$.currentETag").value("\"1\""));
        update("weak", "\"1\"").andExpect(status().isOk());
    }

    @Test
    void unquotedETagIsNotAnEntityTagAndIsRefusedAsInvalid() throws Exception {
        register("unquoted");
        for (String malformed : List.of("1", "W/1", "\"1", "1\"", "\"1\" x", "\"1\",", "'1'")) {
            update("unquoted", malformed)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-input"))
                    .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        }
        update("unquoted", "\"1\"").andExpect(status().isOk()).andExpect(header().string(HttpHeaders.ETAG, "\"2\""));
    }

    @Test
    void aListOfETagsIsRefusedAsInvalid() throws Exception {
        register("listed");
        update("listed", "\"1\", \"2\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        as("alice", put("/api/v1/data-products/sales.listed").header(HttpHeaders.IF_MATCH, "\"1\"")
                .header(HttpHeaders.IF_MATCH, "\"2\""), UPDATE)
                .andExpect(status().isBadRequest());
    }

    @Test
    void anETagThisServiceNeverGaveOutCannotMatch() throws Exception {
        register("foreign");
        for (String foreign : List.of("\"abc\"", "\"0\"", "\"01\"", "\"-1\"", "\"\"")) {
            update("foreign", foreign)
                    .andExpect(status().isPreconditionFailed())
                    .andExpect(jsonPath("$.currentETag").value("\"1\""));
        }
    }

    @Test
    void starIsABlindOverwriteAndIsRefusedNamingTheCurrentETag() throws Exception {
        register("star");
        update("star", "*")
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "precondition-required"))
                .andExpect(jsonPath("$.currentETag").value("\"1\""))
                .andExpect(jsonPath("$.currentVersion").value(1));
    }

    @Test
    void missingIfMatchNamesTheCurrentETag() throws Exception {
        register("missing");
        update("missing", "\"1\"").andExpect(status().isOk());
        as("alice", put("/api/v1/data-products/sales.missing"), UPDATE)
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.currentETag").value("\"2\""));
    }

    @Test
    void aCallerWhoMayNotChangeAProductIsRefusedWhateverTheIfMatchSays() throws Exception {
        register("guarded");
        update("guarded", "\"1\"").andExpect(status().isOk());
        for (String ifMatch : new String[] {null, "*", "W/\"2\"", "\"1\"", "\"2\""}) {
            var request = put("/api/v1/data-products/sales.guarded");
            as("bob", ifMatch == null ? request : request.header(HttpHeaders.IF_MATCH, ifMatch), UPDATE)
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "forbidden"));
        }
        as("carol", put("/api/v1/data-products/sales.guarded"), UPDATE)
                .andExpect(status().isPreconditionRequired());
    }

    @Test
    void onlyAStewardGetsAsFarAsThePreconditionsOfAPolicy() throws Exception {
        define("guarded-policy");
        as("alice", put("/api/v1/policies/guarded-policy"), amendment("no precondition"))
                .andExpect(status().isForbidden());
        as("alice", put("/api/v1/policies/guarded-policy").header(HttpHeaders.IF_MATCH, "\"7\""), amendment("stale"))
                .andExpect(status().isForbidden());
        as("dave", post("/api/v1/policies/guarded-policy/retire"), "{\"reason\":\"none\"}")
                .andExpect(status().isForbidden());
    }

    @Test
    void preconditionsOnAnUnknownResourceAnswerNotFound() throws Exception {
        update("nowhere", "*").andExpect(status().isNotFound());
        update("nowhere", "W/\"1\"").andExpect(status().isNotFound());
        as("carol", put("/api/v1/policies/nowhere"), amendment("x")).andExpect(status().isNotFound());
    }

    @Test
    void aPolicyIsDefinedWithAnETagAndAmendedOnlyAtTheVersionRead() throws Exception {
        define("amended");
        as("carol", put("/api/v1/policies/amended"), amendment("no precondition"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.currentETag").value("\"1\""));
        as("carol", put("/api/v1/policies/amended").header(HttpHeaders.IF_MATCH, "*"), amendment("blind"))
                .andExpect(status().isPreconditionRequired());
        as("carol", put("/api/v1/policies/amended").header(HttpHeaders.IF_MATCH, "W/\"1\""), amendment("weak"))
                .andExpect(status().isPreconditionFailed());
        as("carol", put("/api/v1/policies/amended").header(HttpHeaders.IF_MATCH, "\"1\""), amendment("read 1"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
                .andExpect(jsonPath("$.version").value(2));
        as("carol", put("/api/v1/policies/amended").header(HttpHeaders.IF_MATCH, "\"1\""), amendment("read 1 too"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "version-mismatch"))
                .andExpect(jsonPath("$.expectedVersion").value(1))
                .andExpect(jsonPath("$.currentETag").value("\"2\""));
    }

    @Test
    void aPolicyIsRetiredOnlyAtTheVersionRead() throws Exception {
        define("retired");
        as("carol", post("/api/v1/policies/retired/retire"), "{\"reason\":\"no precondition\"}")
                .andExpect(status().isPreconditionRequired());
        as("carol", put("/api/v1/policies/retired").header(HttpHeaders.IF_MATCH, "\"1\""), amendment("read 1"))
                .andExpect(status().isOk());
        as("carol", post("/api/v1/policies/retired/retire").header(HttpHeaders.IF_MATCH, "\"1\""), "{}")
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentETag").value("\"2\""));
        as("carol", post("/api/v1/policies/retired/retire").header(HttpHeaders.IF_MATCH, "\"2\""), "{\"reason\":\"x\"}")
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"3\""));
    }

    @Test
    void ofFiftyConcurrentAmendmentsFromOneVersionExactlyOneIsMade() throws Exception {
        define("contested");
        Map<Integer, Long> statuses = Concurrently.countAnswers(50, 16, i -> () -> as("carol",
                put("/api/v1/policies/contested").header(HttpHeaders.IF_MATCH, "\"1\""), amendment("editor " + i))
                .andReturn().getResponse().getStatus());
        System.out.println("50 concurrent amendments from version 1 answered " + statuses);
        assertThat(statuses).containsEntry(200, 1L);
        assertThat(statuses.keySet()).isSubsetOf(200, 412, 409);
        as("carol", put("/api/v1/policies/contested").header(HttpHeaders.IF_MATCH, "\"2\""), amendment("after"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"3\""));
    }

    @Test
    void ofFiftyConcurrentBlindOverwritesNoneIsMade() throws Exception {
        register("blind");
        Map<Integer, Long> statuses = Concurrently.countAnswers(50, 16, i -> () -> update("blind", "*")
                .andReturn().getResponse().getStatus());
        assertThat(statuses).isEqualTo(Map.of(428, 50L));
        update("blind", "\"1\"").andExpect(status().isOk());
    }

    private void register(String name) throws Exception {
        as("alice", post("/api/v1/data-products"), """
                {"domain": "sales", "name": "%s", "title": "T", "ownerTeam": "sales", "classification": "INTERNAL",
                 "tags": [], "outputPorts": []}
                """.formatted(name))
                .andExpect(status().isCreated());
    }

    private ResultActions update(String name, String ifMatch) throws Exception {
        return as("alice", put("/api/v1/data-products/sales." + name).header(HttpHeaders.IF_MATCH, ifMatch), UPDATE);
    }

    private void define(String id) throws Exception {
        as("carol", post("/api/v1/policies"), """
                {"id": "%s", "name": "P", "scope": {"domain": null},
                 "rules": [{"when": {"classifications": ["CONFIDENTIAL"], "tags": []},
                            "then": {"requiredApprovals": ["OWNER"], "maxGrantDays": 30, "purposeRequired": true}}]}
                """.formatted(id))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""));
    }

    private static String amendment(String rationale) {
        return """
                {"name": "P", "scope": {"domain": null}, "rationale": "%s",
                 "rules": [{"when": {"classifications": ["CONFIDENTIAL"], "tags": []},
                            "then": {"requiredApprovals": ["OWNER"], "maxGrantDays": 14, "purposeRequired": true}}]}
                """.formatted(rationale);
    }

    private ResultActions as(String user, MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(LocalTestUsers.as(user, request).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
