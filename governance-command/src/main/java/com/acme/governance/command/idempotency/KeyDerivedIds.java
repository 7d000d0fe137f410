package com.acme.governance.command.idempotency;

import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.UUID;

/**
 * Ids the server chooses for a new aggregate, derived from the request's {@code Idempotency-Key} when it has one. A
 * repeat that runs the command again (its first attempt crashed before its answer was kept, or answered an ambiguous
 * 503) then meets the aggregate it created already and is refused as a duplicate, instead of creating a second one.
 * Without a key, the id is random.
 */
public final class KeyDerivedIds {

    private KeyDerivedIds() {
    }

    public static String uuid(String kind, String principal, HttpServletRequest request) {
        IdempotencyKey key = IdempotencyKey.of(Collections.list(request.getHeaders(IdempotencyKey.HEADER)));
        if (key == null) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes((kind + "\n" + principal + "\n" + key.value()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
