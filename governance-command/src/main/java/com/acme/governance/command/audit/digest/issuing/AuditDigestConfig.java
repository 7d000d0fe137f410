package com.acme.governance.command.audit.digest.issuing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Optional;

/** The audit digests' own wiring: the signing key, the store reads and writes, and the schedule. */
@Configuration
@EnableConfigurationProperties(AuditDigestProperties.class)
public class AuditDigestConfig {

    private static final Logger log = LoggerFactory.getLogger(AuditDigestConfig.class);

    /** In the event store's own database, wherever that is configured. */
    @Bean
    DigestArchive commandDigestArchive(MongoClient mongoClient, MongoTemplate commandAxonMongoTemplate) {
        String database = commandAxonMongoTemplate.eventCollection().getNamespace().getDatabaseName();
        DigestArchive archive = new DigestArchive(mongoClient.getDatabase(database));
        archive.ensureIndexes();
        return archive;
    }

    @Bean
    AuditDigestIssuer commandAuditDigestIssuer(AuditDigestProperties properties, MongoTemplate commandAxonMongoTemplate,
                                               DigestArchive commandDigestArchive, CommandGateway commandGateway,
                                               ObjectMapper objectMapper, Clock clock, MeterRegistry meters) {
        Optional<SigningKey> key = SigningKey.load(properties);
        key.ifPresentOrElse(
                k -> log.info("Audit digests are signed with key {} from {}", k.keyId(), properties.signingKey()),
                () -> log.info("No governance.audit.signing-key: this instance issues no audit digests"));
        StoredChainHeads heads = new StoredChainHeads(commandAxonMongoTemplate.eventCollection(),
                EventEntryConfiguration.getDefault(), objectMapper);
        return new AuditDigestIssuer(key, heads, commandDigestArchive, commandGateway, objectMapper, clock, meters);
    }

    @Bean
    DigestSchedule commandDigestSchedule(AuditDigestIssuer commandAuditDigestIssuer,
                                         DigestArchive commandDigestArchive, Clock clock,
                                         AuditDigestProperties properties) {
        return new DigestSchedule(commandAuditDigestIssuer, commandDigestArchive, clock, properties.digestInterval());
    }
}
