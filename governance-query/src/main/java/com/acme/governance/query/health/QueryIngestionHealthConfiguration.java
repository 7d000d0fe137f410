package com.acme.governance.query.health;

import com.acme.governance.query.ingestion.ProjectionStallMonitor;
import com.acme.governance.query.parking.ParkedEventsQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health contributors of the ingestion, under stable names: {@code projections} (put it in the readiness
 * group: {@code management.endpoint.health.group.readiness.include=readinessState,projections}) and
 * {@code parkedEvents} (overall health only). See adr/0011.
 */
@Configuration(proxyBeanMethods = false)
public class QueryIngestionHealthConfiguration {

    @Bean
    public ProjectionsHealthIndicator projectionsHealthIndicator(ProjectionStallMonitor queryProjectionStallMonitor) {
        return new ProjectionsHealthIndicator(queryProjectionStallMonitor);
    }

    @Bean
    public ParkedEventsHealthIndicator parkedEventsHealthIndicator(ParkedEventsQuery queryParkedEventsQuery) {
        return new ParkedEventsHealthIndicator(queryParkedEventsQuery);
    }
}
