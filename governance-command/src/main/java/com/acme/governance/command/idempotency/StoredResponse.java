package com.acme.governance.command.idempotency;

import com.acme.governance.edge.consistency.GovernanceToken;
import org.springframework.http.HttpHeaders;

import java.util.List;
import java.util.Map;

/** A command's first answer, as replayed to its repetitions: status, the headers that carry its result, body. */
record StoredResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** The headers that are part of a command's answer; the others (dates, caching, security) are the server's. */
    static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG,
            GovernanceToken.HEADER, HttpHeaders.CONTENT_TYPE);

    StoredResponse {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
