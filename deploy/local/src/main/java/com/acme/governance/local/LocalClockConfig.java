package com.acme.governance.local;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Local stack only: {@code --governance.local.clock-offset=P2D} runs the services' clock ahead, so a drill (or a
 * crash test on the packaged jar) can see time-based decisions such as grant expiry happen now. The service modules
 * have no such setting: in production the clock is the system's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("governance.local.clock-offset")
class LocalClockConfig {

    @Bean
    @Primary
    Clock localOffsetClock(@Value("${governance.local.clock-offset}") Duration offset) {
        return Clock.offset(Clock.systemUTC(), offset);
    }
}
