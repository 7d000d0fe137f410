package com.acme.governance.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query side on its own: Kafka projections into MongoDB and the read REST API. */
@SpringBootApplication
public class GovernanceQueryApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovernanceQueryApplication.class, args);
    }
}
