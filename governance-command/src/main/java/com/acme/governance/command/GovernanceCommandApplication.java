package com.acme.governance.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The command service on its own: aggregates, the write REST API and the relay to Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GovernanceCommandApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovernanceCommandApplication.class, args);
    }
}
