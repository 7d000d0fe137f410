package com.acme.governance.edge.testing;

import com.acme.governance.edge.security.LocalUsers;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The walk-through's people ({@link LocalUsers}) for a service under test, whatever its profile. */
@TestConfiguration(proxyBeanMethods = false)
public class LocalTestUsers {

    @Bean
    UserDetailsService testUsers() {
        return LocalUsers.userDetailsService();
    }
}
