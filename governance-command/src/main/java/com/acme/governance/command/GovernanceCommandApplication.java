package com.acme.governance.command;

import com.acme.governance.edge.service.ServiceDefaults;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The command service on its own (its executable jar, {@code governance-command-*-exec.jar}): aggregates, the write
 * REST API and the relay to Kafka, configured by its environment over {@link ServiceDefaults}.
 */
@SpringBootApplication
public class GovernanceCommandApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(GovernanceCommandApplication.class)
                .properties(ServiceDefaults.of("governance-command", "readinessState,mongo"))
                .run(args);
    }
}
