package com.acme.governance.query.access;

import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.access.ListAccessGrants;
import com.acme.governance.api.access.ListAccessRequests;
import com.acme.governance.edge.security.AuthenticatedActor;
import com.acme.governance.query.graphql.Connection;
import com.acme.governance.query.graphql.Connections;
import com.acme.governance.query.graphql.GraphQlArguments;
import com.acme.governance.query.web.ResourceNotFoundException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

import java.util.Map;

/**
 * Access requests and grants in GraphQL ({@code graphql/access.graphqls}): the reads of the REST read side. The
 * entities they name are resolved in {@code query.links}.
 */
@Controller("queryAccessGraphQlController")
public class AccessGraphQlController {

    private final AccessRequestRepository requests;
    private final AccessGrantRepository grants;

    public AccessGraphQlController(AccessRequestRepository requests, AccessGrantRepository grants) {
        this.requests = requests;
        this.grants = grants;
    }

    @QueryMapping
    public Connection<AccessRequestView> accessRequests(@Argument Map<String, Object> filter, @Argument Integer first,
                                                        @Argument String after, Authentication authentication) {
        Connections.Request<ListAccessRequests> request = Connections.request(
                () -> AccessRequestListParameters.parse(GraphQlArguments.asParameters(filter)), first, after);
        var caller = AuthenticatedActor.of(authentication);
        return Connections.of(request.page(), requests.search(request.query(), caller, request.page().window()),
                requests.count(request.query(), caller));
    }

    @QueryMapping
    public AccessRequestView accessRequest(@Argument String id) {
        String requestId = GraphQlArguments.id(id, AccessRequestId::of).value();
        return requests.find(requestId).orElseThrow(() -> new ResourceNotFoundException("Access request", requestId));
    }

    @QueryMapping
    public Connection<AccessGrantView> accessGrants(@Argument Map<String, Object> filter, @Argument Integer first,
                                                    @Argument String after) {
        Connections.Request<ListAccessGrants> request = Connections.request(
                () -> AccessGrantListParameters.parse(GraphQlArguments.asParameters(filter)), first, after);
        return Connections.of(request.page(), grants.search(request.query(), request.page().window()),
                grants.count(request.query()));
    }

    @QueryMapping
    public AccessGrantView accessGrant(@Argument String id) {
        String grantId = GraphQlArguments.id(id, AccessRequestId::of).value();
        return grants.find(grantId).orElseThrow(() -> new ResourceNotFoundException("Access grant", grantId));
    }

}
