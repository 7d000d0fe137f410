package com.acme.governance.query.audit;

import com.acme.governance.api.access.ListAccessAsOf;
import com.acme.governance.edge.problem.FieldProblem;
import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.query.access.AccessAsOfParameters;
import com.acme.governance.query.access.AccessGrantRepository;
import com.acme.governance.query.access.AccessHeldView;
import com.acme.governance.query.graphql.Connection;
import com.acme.governance.query.graphql.Connections;
import com.acme.governance.query.graphql.GraphQlArguments;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.util.Map;

/** The audit trail and who held access when, in GraphQL ({@code graphql/audit.graphqls}), for its readers only. */
@Controller("queryAuditGraphQlController")
public class AuditGraphQlController {

    private final AuditEventRepository events;
    private final AccessGrantRepository grants;

    public AuditGraphQlController(AuditEventRepository events, AccessGrantRepository grants) {
        this.events = events;
        this.grants = grants;
    }

    /** The trail's own keyset cursor is each edge's: an event's place in the trail, valid while events arrive. */
    @QueryMapping
    public Connection<AuditTrailItem> auditEvents(@Argument Map<String, Object> filter, @Argument Integer first,
                                                  @Argument String after, Authentication authentication) {
        AuditTrailReaders.requireReader(authentication);
        ListAuditEvents query = parse(filter, first, after);
        return Connections.of(events.window(query), query.size(), after != null, -1,
                (index, document) -> document.position().encode(), AuditEventDocument::item);
    }

    @QueryMapping
    public Connection<AccessHeldView> accessAsOf(@Argument String dataProductId, @Argument String consumerTeam,
                                                 @Argument Instant at, @Argument Integer first,
                                                 @Argument String after, Authentication authentication) {
        AuditTrailReaders.requireReader(authentication);
        MultiValueMap<String, String> parameters = GraphQlArguments.asParameters(null);
        GraphQlArguments.with(parameters, AccessAsOfParameters.DATA_PRODUCT_ID, dataProductId);
        GraphQlArguments.with(parameters, AccessAsOfParameters.CONSUMER_TEAM, consumerTeam);
        GraphQlArguments.with(parameters, AccessAsOfParameters.AT, at);
        Connections.Request<ListAccessAsOf> request = Connections.request(
                () -> AccessAsOfParameters.parse(parameters), first, after);
        return Connections.of(request.page(), grants.heldAt(request.query(), request.page().window()),
                grants.countHeldAt(request.query()));
    }

    /** The REST parser reads the filter; its page parameters are GraphQL's {@code first} and {@code after}. */
    private static ListAuditEvents parse(Map<String, Object> filter, Integer first, String after) {
        if (first != null && (first < 1 || first > Connections.MAX_FIRST)) {
            throw new InvalidInputException("first", "must be between 1 and " + Connections.MAX_FIRST);
        }
        MultiValueMap<String, String> parameters = GraphQlArguments.asParameters(filter);
        GraphQlArguments.with(parameters, AuditTrailParameters.SIZE, first == null ? Connections.DEFAULT_FIRST : first);
        GraphQlArguments.with(parameters, AuditTrailParameters.CURSOR, after);
        try {
            return AuditTrailParameters.parse(parameters);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.problems().stream().map(problem -> new FieldProblem(
                    AuditTrailParameters.CURSOR.equals(problem.field()) ? "after" : problem.field(),
                    problem.message())).toList());
        }
    }
}
