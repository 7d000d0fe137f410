package com.acme.governance.local;

import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.access.AccessGranted;
import com.acme.governance.api.access.AccessRequestApproved;
import com.acme.governance.api.access.AccessRequested;
import com.acme.governance.api.audit.CloudEventExtensions;
import com.acme.governance.api.audit.EventCatalog;
import com.acme.governance.api.audit.HashChain;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.ContractVersionPublished;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductPublished;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.api.dataproduct.DataProductUpdated;
import com.acme.governance.api.dataproduct.OutputPort;
import com.acme.governance.api.dataproduct.PortKind;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.api.dataproduct.SemanticVersion;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.api.policy.PolicyAmended;
import com.acme.governance.api.policy.PolicyDefined;
import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.RuleCondition;
import com.acme.governance.api.policy.RuleOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Governance events as the command side's relay writes them (CloudEvents binary mode, hash-chained audit metadata),
 * built without the command side: a load for the query side alone. Deterministic: the same product gives the same
 * records.
 */
final class EventRecords {

    static final String TOPIC = "governance.events";
    private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");
    /** Who every record says decided; the hash covers the same actor as the headers, so the chains verify. */
    private static final String PRINCIPAL = "alice";
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private EventRecords() {
    }

    /** registered, updated, contract 1.0.0, published: four events of one data product. */
    static List<ProducerRecord<String, byte[]>> dataProduct(String domain, String name) {
        DataProductId id = DataProductId.of(domain + "." + name);
        List<Object> payloads = List.of(
                new DataProductRegistered(id, "Title " + name, "Described " + name, domain, Classification.INTERNAL,
                        List.of("load"), List.of(new OutputPort("events", PortKind.KAFKA_TOPIC, domain + "." + name + ".v1"))),
                new DataProductUpdated(id, "Title " + name + " v2", "Described again", Classification.CONFIDENTIAL,
                        List.of("load", "pii"), List.of()),
                new ContractVersionPublished(id, SemanticVersion.parse("1.0.0"), SchemaType.JSON_SCHEMA,
                        JSON.createObjectNode().put("type", "object")),
                new DataProductPublished(id));
        return chain(id.toString(), "DataProduct", domain, payloads);
    }

    /** defined and amended: two events of one global policy for internal data, decided by a steward. */
    static List<ProducerRecord<String, byte[]>> policy(String id) {
        PolicyRule rule = new PolicyRule(new RuleCondition(List.of(Classification.INTERNAL), List.of()),
                new RuleOutcome(List.of(ApprovalRole.OWNER), 90, false));
        return chain(id, "Policy", "governance", List.of(
                new PolicyDefined(id, 1, "Internal data " + id, PolicyScope.global(), List.of(rule)),
                new PolicyAmended(id, 2, "Internal data " + id, PolicyScope.global(), List.of(rule), "reviewed")));
    }

    /** requested by marketing, approved by the owner team, granted: three events of one request for a product. */
    static List<ProducerRecord<String, byte[]>> accessRequest(String requestId, String domain, String name) {
        DataProductId product = DataProductId.of(domain + "." + name);
        Instant startsAt = START.plusSeconds(2);
        return chain(requestId, "AccessRequest", "marketing", List.of(
                new AccessRequested(requestId, product, domain, "marketing", "synthetic load", 30, "bob",
                        new AccessDecision(List.of(), List.of(ApprovalRole.OWNER), 30, false)),
                new AccessRequestApproved(requestId, "alice", ApprovalRole.OWNER, List.of()),
                new AccessGranted(requestId, product, "marketing", startsAt, startsAt.plusSeconds(30L * 86_400))));
    }

    /**
     * One aggregate's events as consecutive, hash-chained records, one second apart from {@link #START}, decided by
     * {@link #PRINCIPAL} of {@code team}.
     */
    private static List<ProducerRecord<String, byte[]>> chain(String aggregateId, String aggregateType, String team,
                                                              List<Object> payloads) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        String previousHash = "";
        for (int sequence = 0; sequence < payloads.size(); sequence++) {
            Object payload = payloads.get(sequence);
            String type = EventCatalog.typeOf(payload.getClass());
            String eventId = UUID.nameUUIDFromBytes((aggregateId + ":" + sequence).getBytes(StandardCharsets.UTF_8)).toString();
            Instant time = START.plusSeconds(sequence);
            JsonNode json = JSON.valueToTree(payload);
            String hash = HashChain.hash(previousHash, new HashChain.Link(aggregateId, sequence, type, eventId, time,
                    json, PRINCIPAL, List.of(team), List.of(), "correlation-" + eventId, "command-" + eventId));
            records.add(record(aggregateId, aggregateType, sequence, type, eventId, time, json, team, hash,
                    previousHash));
            previousHash = hash;
        }
        return records;
    }

    /** A well-formed envelope of a type no version of this service knows, e.g. from a newer producer. */
    static ProducerRecord<String, byte[]> unknownType(String aggregateId, long sequence, String type) {
        String eventId = UUID.randomUUID().toString();
        return record(aggregateId, "DataProduct", sequence, type, eventId, START,
                JSON.createObjectNode().put("id", aggregateId).put("novelty", true), "sales", "0".repeat(64), "");
    }

    private static ProducerRecord<String, byte[]> record(String aggregateId, String aggregateType, long sequence,
                                                         String type, String eventId, Instant time, JsonNode payload,
                                                         String team, String hash, String previousHash) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(eventId)
                .withType(type)
                .withSource(URI.create(CloudEventExtensions.SOURCE))
                .withSubject(aggregateId)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(CloudEventExtensions.DATA_CONTENT_TYPE)
                .withData(payload.toString().getBytes(StandardCharsets.UTF_8))
                .withExtension(CloudEventExtensions.SEQUENCE, Long.toString(sequence))
                .withExtension(CloudEventExtensions.AGGREGATE_TYPE, aggregateType)
                .withExtension(CloudEventExtensions.PRINCIPAL, PRINCIPAL)
                .withExtension(CloudEventExtensions.TEAMS, team)
                .withExtension(CloudEventExtensions.ROLES, "")
                .withExtension(CloudEventExtensions.CORRELATION_ID, "correlation-" + eventId)
                .withExtension(CloudEventExtensions.CAUSATION_ID, "command-" + eventId)
                .withExtension(CloudEventExtensions.HASH, hash)
                .withExtension(CloudEventExtensions.PREVIOUS_HASH, previousHash)
                .build();
        return KafkaMessageFactory.<String>createWriter(TOPIC, null, null, aggregateId).writeBinary(event);
    }
}
