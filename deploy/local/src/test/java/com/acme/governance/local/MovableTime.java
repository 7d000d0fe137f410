package com.acme.governance.local;

import com.acme.governance.edge.testing.MovableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The service's clock as a test moves it: grants expire when the test says, not when a month has passed. */
@TestConfiguration
public class MovableTime {

    @Bean
    @Primary
    MovableClock movableClock() {
        return MovableClock.ticking();
    }
}
