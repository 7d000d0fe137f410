package com.acme.governance.query;

import com.acme.governance.edge.service.ServiceDefaults;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The query service on its own (its executable jar, {@code governance-query-*-exec.jar}): Kafka projections into
 * MongoDB, the read REST API and GraphQL, configured by its environment over {@link ServiceDefaults}. A partition
 * stalled past its threshold takes the instance out of rotation (adr/0011).
 */
@SpringBootApplication
public class GovernanceQueryApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(GovernanceQueryApplication.class)
                .properties(ServiceDefaults.of("governance-query", "readinessState,mongo,projections"))
                .run(args);
    }
}
