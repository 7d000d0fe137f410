package com.acme.governance.query.graphql;

import com.acme.governance.edge.security.WebSocketsAuthenticatedInProtocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The graphql-ws endpoint authenticates its callers at {@code connection_init} ({@link GraphQlWebSocketAuthentication}),
 * so the security chain lets its upgrade requests through without credentials: browsers cannot send any with them.
 */
@Configuration(value = "queryGraphQlWebSocketUpgradeConfiguration", proxyBeanMethods = false)
public class GraphQlWebSocketUpgrade {

    @Bean
    WebSocketsAuthenticatedInProtocol queryGraphQlWebSocketUpgrades(
            @Value("${spring.graphql.websocket.path:}") String path) {
        return new WebSocketsAuthenticatedInProtocol(path.isBlank() ? List.of() : List.of(path));
    }
}
