package com.acme.governance.query.mutation;

import com.fasterxml.jackson.databind.JsonNode;

/** The command side refused the decision: its status and its RFC 9457 problem, as answered. */
public class CommandRefusedException extends RuntimeException {

    private final int status;
    private final transient JsonNode problem;

    public CommandRefusedException(int status, JsonNode problem) {
        super(problem.path("detail").asText("The command side refused the request (" + status + ")."));
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public JsonNode problem() {
        return problem;
    }
}
