package com.acme.governance.query.subscription;

import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.query.audit.AuditTrailItem;
import com.acme.governance.query.audit.AuditTrailReaders;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.Set;

/**
 * {@code governanceEvents(aggregateId, types)} over graphql-ws: every event published from the subscription on, of
 * one aggregate and/or of some types. The readers of the audit trail may follow every aggregate; anyone else names
 * the aggregate to follow, whose history they may read anyway. A subscriber more than
 * {@value #BUFFER} events behind loses the subscription with an error, and catches up from the audit trail.
 */
@Controller("queryGovernanceEventsGraphQlController")
public class GovernanceEventsGraphQlController {

    static final int BUFFER = 1000;
    private static final int MAX_TYPES = 50;

    private final GovernanceEventFeed feed;

    public GovernanceEventsGraphQlController(GovernanceEventFeed feed) {
        this.feed = feed;
    }

    @SubscriptionMapping
    public Flux<AuditTrailItem> governanceEvents(@Argument String aggregateId, @Argument List<String> types,
                                                 Authentication authentication) {
        if (aggregateId == null && !AuditTrailReaders.isReader(authentication)) {
            throw new AccessDeniedException("following every aggregate is for auditors, data stewards and operators; "
                    + "name the aggregateId to follow");
        }
        if (aggregateId != null && (aggregateId.isBlank() || aggregateId.length() > 300)) {
            throw new InvalidInputException("aggregateId", "must be 1 to 300 characters");
        }
        if (types != null && types.size() > MAX_TYPES) {
            throw new InvalidInputException("types", "at most " + MAX_TYPES + " types");
        }
        Set<String> wanted = types == null ? Set.of() : Set.copyOf(types);
        return feed.events()
                .filter(event -> aggregateId == null || aggregateId.equals(event.aggregateId()))
                .filter(event -> wanted.isEmpty() || wanted.contains(event.type()))
                .map(AuditTrailItem::of)
                .onBackpressureBuffer(BUFFER, BufferOverflowStrategy.ERROR);
    }
}
