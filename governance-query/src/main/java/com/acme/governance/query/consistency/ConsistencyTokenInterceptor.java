package com.acme.governance.query.consistency;

import com.acme.governance.edge.consistency.GovernanceToken;
import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.query.config.ReadModelGenerations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

/**
 * Read-your-writes: a read carrying {@code X-Governance-Token} is answered only once the read models applied the
 * event the token names; if they do not within the configured wait, the read fails with 503 instead of answering
 * stale data. Applies to this module's handlers only, whose error advice turns the exceptions into problems.
 *
 * <p>Every read of this module is pinned to one generation of the read models, the live one as the request starts
 * (ADR 0026): the token's wait and every read of the answer see the same generation, even if a rebuild swaps
 * generations meanwhile, so a token reached is a token reached for what is read.
 */
@Component("queryConsistencyTokenInterceptor")
public class ConsistencyTokenInterceptor implements AsyncHandlerInterceptor {

    private static final String QUERY_PACKAGE = "com.acme.governance.query";
    private static final String PIN = ConsistencyTokenInterceptor.class.getName() + ".pin";

    private final ReadModelConsistency consistency;
    private final ReadModelGenerations generations;

    public ConsistencyTokenInterceptor(ReadModelConsistency consistency, ReadModelGenerations generations) {
        this.consistency = consistency;
        this.generations = generations;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!isRead(request) || !isQueryHandler(handler)) {
            return true;
        }
        String header = request.getHeader(GovernanceToken.HEADER);
        GovernanceToken token = header == null ? null : parse(header);
        ReadModelGenerations.Pin pin = generations.pin(generations.live());
        if (token != null && !reached(token)) {
            pin.close(); // afterCompletion is not called for an interceptor whose preHandle throws
            throw new ReadModelBehindException(token);
        }
        request.setAttribute(PIN, pin);
        return true;
    }

    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
                                               Object handler) {
        release(request); // the rest runs on another thread, which reads the live generation
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        release(request);
    }

    private static void release(HttpServletRequest request) {
        if (request.getAttribute(PIN) instanceof ReadModelGenerations.Pin pin) {
            request.removeAttribute(PIN);
            pin.close();
        }
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
