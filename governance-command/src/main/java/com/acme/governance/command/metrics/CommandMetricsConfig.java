package com.acme.governance.command.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every command the bus handles is timed by {@link CommandMetrics}. */
@Configuration(proxyBeanMethods = false)
public class CommandMetricsConfig {

    @Bean
    ConfigurerModule commandMetrics(MeterRegistry meterRegistry) {
        CommandMetrics metrics = new CommandMetrics(meterRegistry);
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(
                () -> configuration.commandBus().registerHandlerInterceptor(metrics)));
    }
}
