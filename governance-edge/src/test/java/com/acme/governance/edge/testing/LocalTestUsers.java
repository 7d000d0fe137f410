package com.acme.governance.edge.testing;

import com.acme.governance.edge.security.LocalUsers;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The walk-through's people ({@link LocalUsers}) for a service under test, whatever its profile. */
@TestConfiguration(proxyBeanMethods = false)
public class LocalTestUsers {

    @Bean
    UserDetailsService testUsers() {
        return LocalUsers.userDetailsService();
    }

    /** The request made by one of these users, over HTTP Basic. */
    public static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, RawHttp.basic(user));
    }
}
