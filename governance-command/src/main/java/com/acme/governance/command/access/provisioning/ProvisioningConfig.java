package com.acme.governance.command.access.provisioning;

import com.acme.governance.command.config.CommandProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Clock;

/** Grants as ACLs, when {@code governance.command.kafka-acls.enabled}: the provisioner and what it works with. */
@Configuration
@EnableConfigurationProperties(KafkaAclProperties.class)
@ConditionalOnProperty(name = "governance.command.kafka-acls.enabled", havingValue = "true")
class ProvisioningConfig {

    static final String LEDGER_COLLECTION = "acl_provisioning";
    static final String RECONCILIATION_COLLECTION = "acl_reconciliation";

    @Bean
    KafkaAcls commandKafkaAcls(KafkaAdmin kafkaAdmin, KafkaAclProperties properties) {
        return new KafkaAcls(kafkaAdmin, properties.adminTimeout());
    }

    @Bean
    ProvisioningLedger commandProvisioningLedger(MongoClient mongoClient, CommandProperties properties) {
        return new ProvisioningLedger(mongoClient.getDatabase(properties.mongoDatabase())
                .getCollection(LEDGER_COLLECTION));
    }

    @Bean
    TeamPrincipals commandTeamPrincipals(KafkaAclProperties properties) {
        return new TeamPrincipals(properties.principals());
    }

    @Bean
    AccessProvisioner commandAccessProvisioner(KafkaAcls commandKafkaAcls, ProvisioningLedger commandProvisioningLedger,
                                               EventStore eventStore, TeamPrincipals commandTeamPrincipals,
                                               KafkaAclProperties properties, CommandGateway commandGateway,
                                               MeterRegistry meters) {
        return new AccessProvisioner(commandKafkaAcls, commandProvisioningLedger, new ProductTopics(eventStore),
                commandTeamPrincipals, properties, commandGateway, meters);
    }

    @Bean
    AclReconciler commandAclReconciler(KafkaAcls commandKafkaAcls, ProvisioningLedger commandProvisioningLedger,
                                       AccessProvisioner commandAccessProvisioner, CommandGateway commandGateway,
                                       EventStore eventStore, KafkaAclProperties properties, Clock clock,
                                       MeterRegistry meters) {
        return new AclReconciler(commandKafkaAcls, commandProvisioningLedger, commandAccessProvisioner,
                commandGateway, eventStore, properties.removeUnexpected(), clock, meters);
    }

    @Bean
    DriftReports commandDriftReports(MongoClient mongoClient, CommandProperties properties,
                                     ObjectMapper objectMapper) {
        return new DriftReports(mongoClient.getDatabase(properties.mongoDatabase())
                .getCollection(RECONCILIATION_COLLECTION), objectMapper);
    }

    @Bean
    KafkaAclsHealthIndicator kafkaAclsHealthIndicator(ProvisioningLedger commandProvisioningLedger,
                                                      DriftReports commandDriftReports) {
        return new KafkaAclsHealthIndicator(commandProvisioningLedger, commandDriftReports);
    }

    @Bean
    ReconcileSchedule commandReconcileSchedule(AclReconciler commandAclReconciler, DriftReports commandDriftReports,
                                               Clock clock, KafkaAclProperties properties) {
        return new ReconcileSchedule(commandAclReconciler, commandDriftReports, clock, properties.reconcileInterval());
    }
}
