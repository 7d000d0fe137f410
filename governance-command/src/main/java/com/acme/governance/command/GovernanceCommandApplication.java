package com.acme.governance.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command service on its own: aggregates, the write REST API and the relay to Kafka. */
@SpringBootApplication
public class GovernanceCommandApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovernanceCommandApplication.class, args);
    }
}
