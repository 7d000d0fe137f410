package com.acme.governance.edge.mongo;

import com.mongodb.ReadConcern;
import com.mongodb.ReadConcernLevel;
import com.mongodb.WriteConcern;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.TimeUnit;

/**
 * Boot's MongoDB client, made durable and fail-fast: every write waits for the configured write concern with journal
 * (a 2xx must survive a crash and a failover), and an unreachable database fails an operation within seconds.
 * Set here, not in the connection string, so that no deployment can forget it (ADR 0012). Both services, and the
 * combined local application once, get it as an auto-configuration.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(MongoClientSettingsBuilderCustomizer.class)
@EnableConfigurationProperties(MongoDurabilityProperties.class)
public class MongoDurabilityAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer mongoDurability(MongoDurabilityProperties properties) {
        WriteConcern concern = properties.writeConcern().chars().allMatch(Character::isDigit)
                ? new WriteConcern(Integer.parseInt(properties.writeConcern()))
                : new WriteConcern(properties.writeConcern());
        WriteConcern writeConcern = concern.withJournal(properties.journal());
        return settings -> settings
                .writeConcern(writeConcern)
                .readConcern(new ReadConcern(ReadConcernLevel.fromString(properties.readConcern())))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket
                        .connectTimeout((int) properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }
}
