package com.acme.governance.edge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem written straight to the servlet response, for the parts of the edge that answer before or
 * after Spring MVC (filters, the firewall, the error path, the security's 401 and 403): they cannot rely on content negotiation or advice.
 */
public final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    public static byte[] body(int status, URI type, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.toString());
        HttpStatus known = HttpStatus.resolve(status);
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (IOException e) {
            return ("{\"type\":\"" + type + "\",\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    public static void write(HttpServletResponse response, int status, URI type, String detail, String instance)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] body = body(status, type, detail, instance);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
