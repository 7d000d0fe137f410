package com.acme.governance.edge.web;

import com.acme.governance.api.problem.ProblemTypes;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last word, for what it refuses before Spring sees the request (a malformed path, an encoded slash) and
 * for an error page that itself failed: a problem instead of Tomcat's HTML page. Without the request's path in the
 * answer: it may be the malformed part.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // the same guards as Tomcat's own report: only an error, only once, only while the connection takes output
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (status >= 500) {
            // Spring's handlers log what reaches them; a 5xx decided here, by the container, must not go unseen
            log.error("{} {} answered {} by the container", request.getMethod(), abbreviated(request.getRequestURI()), status,
                    throwable);
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        URI type = status == 400 ? ProblemTypes.MALFORMED_REQUEST : ProblemTypes.forStatus(status);
        String detail = status >= 500 ? "The request failed unexpectedly" : "The request was refused by the server";
        String body = new String(ProblemResponses.body(status, type, detail, null), StandardCharsets.UTF_8);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken by another writer: nothing left to answer
        }
    }

    private static String abbreviated(String uri) {
        return uri == null || uri.length() <= 200 ? uri : uri.substring(0, 200) + "...";
    }
}
