package com.acme.governance.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A position in the audit trail's order, {@code (time, aggregateId, sequence)} (see adr/0021): the key of the last
 * item a page gave, after which the next page starts. A key, not an offset, so that events arriving meanwhile never
 * shift it. On the wire it is opaque: base64url (no padding) of a small JSON object, read back strictly, so that a
 * cursor this service did not issue is refused rather than interpreted.
 */
public record AuditCursor(Instant time, String aggregateId, long sequence) {

    /** Far above any real cursor (an aggregate id is at most a few hundred characters): refused before decoding. */
    public static final int MAX_LENGTH = 1024;
    private static final String TIME = "t";
    private static final String AGGREGATE = "a";
    private static final String SEQUENCE = "s";
    private static final Set<String> FIELDS = Set.of(TIME, AGGREGATE, SEQUENCE);
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_A_CURSOR = "is not a cursor of this list: pass the 'next' of a page unchanged";

    public AuditCursor {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(aggregateId, "aggregateId");
    }

    public String encode() {
        ObjectNode key = JSON.createObjectNode()
                .put(TIME, time.toString())
                .put(AGGREGATE, aggregateId)
                .put(SEQUENCE, sequence);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when {@code cursor} is not exactly what {@link #encode()} gives */
    public static AuditCursor decode(String cursor) {
        if (cursor.length() > MAX_LENGTH || !BASE64URL.matcher(cursor).matches()) {
            throw new IllegalArgumentException(NOT_A_CURSOR);
        }
        try {
            JsonNode key = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
            AuditCursor decoded = fromKey(key);
            if (!decoded.encode().equals(cursor)) {
                throw new IllegalArgumentException(NOT_A_CURSOR);
            }
            return decoded;
        } catch (IOException | IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(NOT_A_CURSOR, e);
        }
    }

    private static AuditCursor fromKey(JsonNode key) {
        if (key == null || !key.isObject() || key.size() != FIELDS.size()
                || !key.path(TIME).isTextual() || !key.path(AGGREGATE).isTextual() || !key.path(SEQUENCE).canConvertToLong()
                || !key.path(SEQUENCE).isIntegralNumber() || key.path(SEQUENCE).asLong() < 0
                || key.path(AGGREGATE).asText().isEmpty()) {
            throw new IllegalArgumentException(NOT_A_CURSOR);
        }
        return new AuditCursor(Instant.parse(key.get(TIME).asText()), key.get(AGGREGATE).asText(),
                key.get(SEQUENCE).asLong());
    }
}
