package com.acme.governance.query.asof;

import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.query.web.QueryParameters;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The one parameter of a single resource's read, {@code asOf}: the instant to answer for, ISO-8601 with an offset,
 * never in the future (what has not happened yet has no answer). Anything else is refused, as on every read.
 */
public final class AsOfParameter {

    public static final String AS_OF = "asOf";

    private AsOfParameter() {
    }

    /**
     * @return the instant asked for, empty for today's state
     * @throws InvalidInputException when a parameter is unknown, repeated or malformed, or the instant is after {@code now}
     */
    public static Optional<Instant> parse(MultiValueMap<String, String> parameters, Instant now) {
        QueryParameters query = QueryParameters.ofResource(parameters, Set.of(AS_OF));
        Instant asOf = query.instant(AS_OF);
        if (asOf != null && asOf.isAfter(now)) {
            query.refuse(AS_OF, "must not be in the future; it is now " + now);
        }
        if (asOf == null && parameters.containsKey(AS_OF) && !query.refused(AS_OF)) {
            query.refuse(AS_OF, "must not be blank: an ISO-8601 instant with an offset, e.g. 2026-03-01T00:00:00Z");
        }
        query.throwIfInvalid();
        return Optional.ofNullable(asOf);
    }
}
