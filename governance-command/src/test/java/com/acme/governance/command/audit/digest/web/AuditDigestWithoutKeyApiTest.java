package com.acme.governance.command.audit.digest.web;

import com.acme.governance.api.audit.IssueAuditDigest;
import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.command.GovernanceCommandApplication;
import com.acme.governance.command.audit.digest.issuing.DigestArchive;
import com.acme.governance.command.audit.digest.issuing.DigestSchedule;
import com.acme.governance.edge.testing.EmbeddedMongoConfiguration;
import com.acme.governance.edge.testing.LocalTestUsers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Without a signing key the service issues no digest: none on its schedule, and a clear 503 on request. */
@SpringBootTest(classes = {GovernanceCommandApplication.class, EmbeddedMongoConfiguration.class, LocalTestUsers.class},
        properties = {"axon.axonserver.enabled=false", "spring.kafka.bootstrap-servers=localhost:1",
                "spring.kafka.admin.operation-timeout=1s", "governance.audit.digest-interval=100ms"})
@AutoConfigureMockMvc
class AuditDigestWithoutKeyApiTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private MongoClient mongoClient;
    @Autowired
    private DigestSchedule schedule;

    @Test
    void anAuditorIsToldThatNoDigestCanBeSignedAndNothingIsWritten() throws Exception {
        MockHttpServletResponse answer = mvc.perform(LocalTestUsers.as("dave", post("/api/v1/audit/digests")))
                .andReturn().getResponse();

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(new ObjectMapper().readTree(answer.getContentAsString()).path("type").asText())
                .isEqualTo(ProblemTypes.SIGNING_KEY_MISSING.toString());
        assertThat(answer.getContentAsString()).contains("governance.audit.signing-key");
        assertThat(mongoClient.getDatabase("governance_events").getCollection(DigestArchive.COLLECTION)
                .countDocuments()).isZero();
        assertThat(eventStore.readEvents(IssueAuditDigest.LEDGER).hasNext()).isFalse();
    }

    @Test
    void theScheduleIsOffWhateverItsInterval() {
        assertThat(schedule.isRunning()).isFalse();
    }
}
