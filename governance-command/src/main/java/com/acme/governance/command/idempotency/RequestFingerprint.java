package com.acme.governance.command.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests with one key "the same request": method, path with query, and the body byte for byte.
 * A repetition is the client's retry of the very request, so anything else is a reuse of the key, not a retry.
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(String method, String pathAndQuery, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            // lengths first, so that no two different (method, path, body) give the same input
            sha256.update((method.length() + ":" + method + pathAndQuery.length() + ":" + pathAndQuery)
                    .getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
