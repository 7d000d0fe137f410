package com.acme.governance.command.deadline;

import com.acme.governance.command.config.CommandProperties;
import com.mongodb.client.MongoClient;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

@Configuration
class DeadlineConfig {

    @Bean
    MongoDeadlineManager deadlineManager(MongoClient mongoClient, CommandProperties properties, Serializer serializer,
                                         Clock clock, ObjectProvider<org.axonframework.config.Configuration> axon) {
        // resolved lazily: the Axon configuration itself depends on this deadline manager
        ScopeAwareProvider scopes = scope -> new ConfigurationScopeAwareProvider(axon.getObject())
                .provideScopeAwareStream(scope);
        return new MongoDeadlineManager(
                mongoClient.getDatabase(properties.mongoDatabase()).getCollection("deadlines"),
                scopes, serializer, NoTransactionManager.INSTANCE, clock,
                properties.deadlinePollInterval(), Duration.ofMinutes(1));
    }

    /**
     * Events applied when a deadline fires carry correlation and causation ids like every other event: the deadline
     * message is their cause. (Axon registers this interceptor on command and event handling, not on deadlines.)
     */
    @Bean
    ConfigurerModule deadlinePolling(MongoDeadlineManager deadlineManager, List<CorrelationDataProvider> providers) {
        deadlineManager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
        return configurer -> configurer.onInitialize(config -> {
            config.onStart(Phase.INBOUND_EVENT_CONNECTORS, deadlineManager::start);
            config.onShutdown(Phase.INBOUND_EVENT_CONNECTORS, deadlineManager::shutdown);
        });
    }
}
