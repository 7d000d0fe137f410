package com.acme.governance.command.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The time decisions are taken at (grant start, expiry); a bean so that tests can move it. */
@Configuration
public class ClockConfig {

    @Bean
    Clock governanceClock() {
        return Clock.systemUTC();
    }
}
