package com.acme.governance.query.consistency;

import com.acme.governance.edge.consistency.GovernanceToken;
import com.acme.governance.edge.problem.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Read-your-writes: a read carrying {@code X-Governance-Token} is answered only once the read models applied the
 * event the token names; if they do not within the configured wait, the read fails with 503 instead of answering
 * stale data. Applies to this module's handlers only, whose error advice turns the exceptions into problems.
 */
@Component("queryConsistencyTokenInterceptor")
public class ConsistencyTokenInterceptor implements HandlerInterceptor {

    private static final String QUERY_PACKAGE = "com.acme.governance.query";

    private final ReadModelConsistency consistency;

    public ConsistencyTokenInterceptor(ReadModelConsistency consistency) {
        this.consistency = consistency;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader(GovernanceToken.HEADER);
        if (header == null || !isRead(request) || !isQueryHandler(handler)) {
            return true;
        }
        GovernanceToken token = parse(header);
        if (!reached(token)) {
            throw new ReadModelBehindException(token);
        }
        return true;
    }

    private boolean reached(GovernanceToken token) {
        try {
            return consistency.awaitReached(token);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: answer "behind", the client retries elsewhere
            return false;
        }
    }

    private static GovernanceToken parse(String header) {
        try {
            return GovernanceToken.parse(header);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(GovernanceToken.HEADER, e.getMessage());
        }
    }

    private static boolean isRead(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
    }

    private static boolean isQueryHandler(Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return false;
        }
        String packageName = method.getBeanType().getPackageName();
        return packageName.equals(QUERY_PACKAGE) || packageName.startsWith(QUERY_PACKAGE + ".");
    }
}
