package com.acme.governance.command.audit.digest.web;

import com.acme.governance.api.audit.AuditDigest;
import com.acme.governance.api.audit.AuditDigestIssued;
import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.audit.DigestSignature;
import com.acme.governance.api.audit.IssueAuditDigest;
import com.acme.governance.api.audit.PemKeys;
import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.command.GovernanceCommandApplication;
import com.acme.governance.command.audit.digest.issuing.AuditDigestIssuer;
import com.acme.governance.command.audit.digest.issuing.DigestArchive;
import com.acme.governance.command.audit.digest.issuing.DigestSchedule;
import com.acme.governance.edge.testing.Concurrently;
import com.acme.governance.edge.testing.EmbeddedMongoConfiguration;
import com.acme.governance.edge.testing.LocalTestUsers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * {@code POST /api/v1/audit/digests} on a real event store: the answer is a digest signed with the configured key
 * whose heads are the store's own, stored in full before its event in the audit ledger names it.
 */
@SpringBootTest(classes = {GovernanceCommandApplication.class, EmbeddedMongoConfiguration.class, LocalTestUsers.class},
        properties = {"axon.axonserver.enabled=false", "spring.kafka.bootstrap-servers=localhost:1",
                "spring.kafka.admin.operation-timeout=1s", "governance.audit.digest-interval=0"})
@AutoConfigureMockMvc
class AuditDigestApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair KEYS = PemKeys.generate();

    @Autowired
    private MockMvc mvc;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private MongoClient mongoClient;
    @Autowired
    private DigestSchedule schedule;
    @Autowired
    private MeterRegistry meters;

    /** The key as an operator configures it: the private key, then its public key, in one PEM file. */
    @DynamicPropertySource
    static void signingKey(DynamicPropertyRegistry registry) {
        try {
            Path file = Files.createTempFile("audit-signing-key-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, PemKeys.pem(KEYS.getPrivate()) + PemKeys.pem(KEYS.getPublic()));
            registry.add("governance.audit.signing-key", file::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAuditorGetsADigestOfTheStoresHeadsSignedStoredAndRecorded() throws Exception {
        register("audited");
        double issuedBefore = issuedCount();

        MockHttpServletResponse answer = issueAs("dave");

        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
        assertThat(answer.getHeader("Location")).isEqualTo("/api/v1/audit/digest");
        assertThat(answer.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        DomainEventMessage<?> recorded = lastLedgerEvent();
        assertThat(answer.getHeader("X-Governance-Token"))
                .isEqualTo(IssueAuditDigest.LEDGER + ":" + recorded.getSequenceNumber());

        AuditDigest digest = DigestSignature.verified(JSON.readTree(answer.getContentAsString()), KEYS.getPublic());
        assertThat(digest.keyId()).isEqualTo(DigestSignature.keyId(KEYS.getPublic()));
        assertThat(digest.heads()).isEqualTo(storedHeadsBefore(recorded));
        assertThat(digest.heads()).containsKey("sales.audited");
        assertThat(digest.eventCount()).isEqualTo(digest.heads().values().stream()
                .mapToLong(head -> head.sequence() + 1).sum());

        AuditDigestIssued event = (AuditDigestIssued) recorded.getPayload();
        assertThat(event).isEqualTo(new AuditDigestIssued(event.digestId(), digest.issuedAt(), digest.eventCount(),
                digest.heads().size(), digest.rootHash(), digest.keyId(), digest.signature()));
        assertThat(recorded.getMetaData().get(AuditMetadata.PRINCIPAL)).isEqualTo("dave");

        Document stored = digests().find(new Document("_id", event.digestId())).first();
        assertThat(stored).isNotNull();
        assertThat(stored.keySet()).containsExactly("_id", "issuedAt", "rootHash", "json");
        assertThat(stored.getDate("issuedAt")).isEqualTo(Date.from(digest.issuedAt()));
        assertThat(stored.getString("rootHash")).isEqualTo(digest.rootHash());
        assertThat(stored.getString("json")).isEqualTo(answer.getContentAsString());
        assertThat(issuedCount()).isEqualTo(issuedBefore + 1);
    }

    @Test
    void eachDigestCoversTheDigestRecordedBeforeIt() throws Exception {
        issueAs("admin");
        DomainEventMessage<?> firstEvent = lastLedgerEvent();
        long first = firstEvent.getSequenceNumber();

        MockHttpServletResponse answer = issueAs("admin");

        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
        AuditDigest second = DigestSignature.verified(JSON.readTree(answer.getContentAsString()), KEYS.getPublic());
        assertThat(second.heads().get(IssueAuditDigest.LEDGER).sequence()).isEqualTo(first);
        assertThat(lastLedgerEvent().getSequenceNumber()).isEqualTo(first + 1);
        assertThat(lastLedgerEvent().getMetaData().get(AuditMetadata.PREVIOUS_HASH)).as("chained to the digest before")
                .isEqualTo(firstEvent.getMetaData().get(AuditMetadata.HASH));
    }

    /** Of digests read at the same moment only the first is recorded; the others' documents are harmless orphans. */
    @Test
    void concurrentRequestsRecordOnlyDigestsThatCoverTheOneBefore() throws Exception {
        int recordedBefore = ledgerEvents().size();
        long documentsBefore = digests().countDocuments();

        Map<Integer, Long> statuses = Concurrently.countAnswers(6, 6, i -> () -> issueAs("dave").getStatus());

        assertThat(statuses.keySet()).containsAnyOf(201).isSubsetOf(201, 409);
        List<? extends DomainEventMessage<?>> recorded = ledgerEvents();
        assertThat(recorded).hasSize(recordedBefore + statuses.get(201).intValue());
        assertThat(digests().countDocuments()).isEqualTo(documentsBefore + 6);
        for (DomainEventMessage<?> event : recorded.subList(Math.max(recordedBefore, 1), recorded.size())) {
            String json = digests().find(new Document("_id", ((AuditDigestIssued) event.getPayload()).digestId()))
                    .first().getString("json");
            AuditDigest digest = DigestSignature.verified(JSON.readTree(json), KEYS.getPublic());
            assertThat(digest.heads().get(IssueAuditDigest.LEDGER).sequence()).as("the digest recorded before it")
                    .isEqualTo(event.getSequenceNumber() - 1);
        }
    }

    @Test
    void theSystemIssuesTheScheduledDigestsAsItself() {
        assertThat(schedule.issueIfDue()).as("with an interval of 0 a digest is always due").isTrue();

        DomainEventMessage<?> recorded = lastLedgerEvent();
        assertThat(recorded.getMetaData().get(AuditMetadata.PRINCIPAL)).isEqualTo(AuditMetadata.SYSTEM_PRINCIPAL);
        assertThat(recorded.getMetaData().get(AuditMetadata.TEAMS)).isEqualTo(List.of());
        assertThat(recorded.getMetaData().get(AuditMetadata.ROLES)).isEqualTo(List.of());
        assertThat(digests().countDocuments(new Document("_id",
                ((AuditDigestIssued) recorded.getPayload()).digestId()))).isEqualTo(1);
    }

    @Test
    void domainTeamMembersAndStewardsAreRefusedAndNothingIsWritten() throws Exception {
        long documents = digests().countDocuments();
        long ledgerEvents = ledgerEvents().size();

        for (String user : List.of("alice", "carol")) {
            MockHttpServletResponse answer = issueAs(user);
            assertThat(answer.getStatus()).isEqualTo(403);
            assertThat(JSON.readTree(answer.getContentAsString()).path("type").asText())
                    .isEqualTo(ProblemTypes.FORBIDDEN.toString());
        }

        assertThat(digests().countDocuments()).isEqualTo(documents);
        assertThat(ledgerEvents()).hasSize((int) ledgerEvents);
    }

    /**
     * What the store held when the digest was read, computed independently of the issuer: each aggregate's last
     * event by Axon's own reading, except the ledger's event that recorded this digest.
     */
    private Map<String, AuditDigest.Head> storedHeadsBefore(DomainEventMessage<?> recorded) {
        Map<String, Long> lastSequences = new HashMap<>();
        mongoClient.getDatabase("governance_events").getCollection("domainevents").find().forEach(event -> lastSequences
                .merge(event.getString("aggregateIdentifier"), event.get("sequenceNumber", Number.class).longValue(),
                        Math::max));
        lastSequences.put(IssueAuditDigest.LEDGER, recorded.getSequenceNumber() - 1);
        Map<String, AuditDigest.Head> heads = new TreeMap<>();
        lastSequences.forEach((aggregateId, sequence) -> {
            if (sequence >= 0) {
                DomainEventMessage<?> head = eventStore.readEvents(aggregateId, sequence).next();
                heads.put(aggregateId, new AuditDigest.Head(sequence,
                        (String) head.getMetaData().get(AuditMetadata.HASH)));
            }
        });
        return heads;
    }

    private DomainEventMessage<?> lastLedgerEvent() {
        List<? extends DomainEventMessage<?>> events = ledgerEvents();
        return events.get(events.size() - 1);
    }

    private List<? extends DomainEventMessage<?>> ledgerEvents() {
        return eventStore.readEvents(IssueAuditDigest.LEDGER).asStream().toList();
    }

    private MongoCollection<Document> digests() {
        return mongoClient.getDatabase("governance_events").getCollection(DigestArchive.COLLECTION);
    }

    private double issuedCount() {
        return meters.get(AuditDigestIssuer.METRIC).tag("outcome", "issued").counter().count();
    }

    private MockHttpServletResponse issueAs(String user) throws Exception {
        return mvc.perform(LocalTestUsers.as(user, post("/api/v1/audit/digests"))).andReturn().getResponse();
    }

    private void register(String name) throws Exception {
        MockHttpServletResponse answer = mvc.perform(LocalTestUsers.as("alice", post("/api/v1/data-products"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"domain\":\"sales\",\"name\":\"" + name + "\",\"title\":\"T\",\"ownerTeam\":\"sales\","
                        + "\"classification\":\"INTERNAL\",\"tags\":[],\"outputPorts\":[]}"))
                .andReturn().getResponse();
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
    }
}
