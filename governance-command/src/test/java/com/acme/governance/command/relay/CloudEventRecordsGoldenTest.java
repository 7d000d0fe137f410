package com.acme.governance.command.relay;

import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.audit.CloudEventExtensions;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductUpdated;
import com.acme.governance.api.dataproduct.OutputPort;
import com.acme.governance.api.dataproduct.PortKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka record the relay writes for one event is pinned by {@code src/test/resources/golden/kafka-record.json}:
 * key, every header (the CloudEvents binary-mode attributes, the content type, the audit extensions) and the value.
 * The envelope is the contract every consumer parses (adr/0004); changing it breaks them all, so it fails here first.
 * The payloads of every event type are pinned by governance-api's golden files. The mapper is the application's:
 * Spring Boot's auto-configured ObjectMapper.
 *
 * <p>Run with {@code -Dgolden.write=true} to write the file when it is missing; an existing file is never
 * overwritten.
 */
class CloudEventRecordsGoldenTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "kafka-record.json");
    private static final Instant TIME = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final MetaData AUDIT = MetaData.from(Map.of(
            AuditMetadata.PRINCIPAL, "erin",
            AuditMetadata.ISSUER, "https://idp.example.com/realms/mesh",
            AuditMetadata.TEAMS, List.of("sales", "logistics"),
            AuditMetadata.ROLES, List.of(),
            AuditMetadata.CORRELATION_ID, "9a1c0b52-7d1e-4f0e-a3d4-0c2b3e4f5a61",
            AuditMetadata.CAUSATION_ID, "0b6e2f7c-1d3a-4b5c-8e9f-a0b1c2d3e4f5",
            AuditMetadata.PREVIOUS_HASH, "3b1f" + "0".repeat(60),
            AuditMetadata.HASH, "9c2e" + "f".repeat(60)));

    private static ObjectMapper applicationObjectMapper;

    private final ProducerRecord<String, byte[]> record = new CloudEventRecords(
            JacksonSerializer.builder().objectMapper(applicationObjectMapper).build(), "governance.events")
            .toRecord(new GenericDomainEventMessage<>("DataProduct", "sales.orders", 1,
                    new DataProductUpdated(DataProductId.of("sales.orders"), "Orders", "All orders",
                            Classification.CONFIDENTIAL, List.of("pii"),
                            List.of(new OutputPort("events", PortKind.KAFKA_TOPIC, "sales.orders.v1"))),
                    AUDIT, "e3a1c7d2-5b4f-4e6a-9c8d-7f6e5d4c3b2a", TIME));

    @BeforeAll
    static void applicationMapper() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .run(context -> applicationObjectMapper = context.getBean(ObjectMapper.class));
    }

    @Test
    void theRecordOfAnEventIsWrittenAsTheGoldenFileSays() throws IOException {
        assertThat(written()).as("the relay's Kafka record, compared with %s", GOLDEN).isEqualTo(golden());
    }

    @Test
    void everyHeaderIsWrittenOnce() {
        List<String> names = new ArrayList<>();
        record.headers().forEach(header -> names.add(header.key()));

        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void theCloudEventsSdkReadsTheRecordBackWithEveryExtension() {
        CloudEvent read = KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent();

        assertThat(read.getExtensionNames()).containsExactlyInAnyOrderElementsOf(CloudEventExtensions.ALL);
        assertThat(read.getSource()).hasToString(CloudEventExtensions.SOURCE);
        assertThat(read.getDataContentType()).isEqualTo(CloudEventExtensions.DATA_CONTENT_TYPE);
        assertThat(read.getTime().toInstant()).isEqualTo(TIME);
    }

    private JsonNode written() throws IOException {
        ObjectNode written = applicationObjectMapper.createObjectNode();
        written.put("topic", record.topic());
        written.put("key", record.key());
        ObjectNode headers = written.putObject("headers");
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        written.set("value", applicationObjectMapper.readTree(record.value()));
        return written;
    }

    private JsonNode golden() throws IOException {
        if (Boolean.getBoolean("golden.write") && !Files.exists(GOLDEN)) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, applicationObjectMapper.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(written()) + "\n");
        }
        try (InputStream in = getClass().getResourceAsStream("/golden/kafka-record.json")) {
            if (in != null) {
                return applicationObjectMapper.readTree(in);
            }
        }
        assertThat(GOLDEN).as("golden file (write it with -Dgolden.write=true, then check and commit it)").exists();
        return applicationObjectMapper.readTree(GOLDEN.toFile());
    }
}
