package com.acme.governance.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A checkpoint of the whole history (adr/0022): when, how many events, and each aggregate's head (its last
 * sequence and hash), folded into one root hash and signed. {@code keyId} and {@code signature} are null until
 * {@link DigestSignature#sign} signs it.
 *
 * <p>JSON: {@code {"issuedAt", "eventCount", "heads": {"<aggregateId>": {"sequence", "hash"}}, "rootHash",
 * "keyId", "signature"}}.
 */
public record AuditDigest(Instant issuedAt, long eventCount, SortedMap<String, Head> heads, String rootHash,
                          String keyId, String signature) {

    public record Head(long sequence, String hash) {
    }

    public AuditDigest {
        issuedAt = issuedAt.truncatedTo(ChronoUnit.MILLIS);
        heads = Collections.unmodifiableSortedMap(new TreeMap<>(heads));
    }

    public static AuditDigest unsigned(Instant issuedAt, long eventCount, Map<String, Head> heads) {
        SortedMap<String, Head> sorted = new TreeMap<>(heads);
        return new AuditDigest(issuedAt, eventCount, sorted, rootHash(sorted), null, null);
    }

    /**
     * The fold of the heads in aggregate id order ({@link String#compareTo}): starting from {@code ""},
     * {@code root = hex(SHA-256(root + "\n" + aggregateId + "\n" + sequence + "\n" + hash))} for each head, the
     * sequence in decimal, all as UTF-8. No heads give {@code ""}.
     */
    public static String rootHash(SortedMap<String, Head> heads) {
        String root = "";
        for (Map.Entry<String, Head> head : heads.entrySet()) {
            root = sha256Hex(root + "\n" + head.getKey() + "\n" + head.getValue().sequence() + "\n"
                    + head.getValue().hash());
        }
        return root;
    }

    AuditDigest withSignature(String signingKeyId, String signatureBase64) {
        return new AuditDigest(issuedAt, eventCount, heads, rootHash, signingKeyId, signatureBase64);
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("issuedAt", issuedAt.toString());
        json.put("eventCount", eventCount);
        ObjectNode headsJson = json.putObject("heads");
        heads.forEach((aggregateId, head) -> headsJson.putObject(aggregateId)
                .put("sequence", head.sequence()).put("hash", head.hash()));
        json.put("rootHash", rootHash);
        json.put("keyId", keyId);
        json.put("signature", signature);
        return json;
    }

    /** Reads a digest's JSON, checking its shape and its root hash; the signature is {@link DigestSignature}'s. */
    public static AuditDigest fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new InvalidDigestException("a digest is a JSON object");
        }
        SortedMap<String, Head> heads = new TreeMap<>();
        JsonNode headsJson = json.get("heads");
        if (headsJson == null || !headsJson.isObject()) {
            throw new InvalidDigestException("heads: an object of aggregate id to {sequence, hash}");
        }
        headsJson.fields().forEachRemaining(head -> heads.put(head.getKey(), new Head(
                count(head.getValue(), "sequence", "heads." + head.getKey() + ".sequence"),
                text(head.getValue(), "hash", "heads." + head.getKey() + ".hash"))));
        AuditDigest digest = new AuditDigest(instant(json), count(json, "eventCount", "eventCount"), heads,
                text(json, "rootHash", "rootHash"), optionalText(json, "keyId"), optionalText(json, "signature"));
        if (!rootHash(heads).equals(digest.rootHash())) {
            throw new InvalidDigestException("rootHash: not the fold of its heads");
        }
        return digest;
    }

    private static Instant instant(JsonNode json) {
        try {
            return Instant.parse(text(json, "issuedAt", "issuedAt"));
        } catch (DateTimeParseException e) {
            throw new InvalidDigestException("issuedAt: an ISO-8601 UTC instant", e);
        }
    }

    private static long count(JsonNode json, String field, String name) {
        JsonNode value = json.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new InvalidDigestException(name + ": a whole number, 0 or more");
        }
        return value.asLong();
    }

    private static String text(JsonNode json, String field, String name) {
        JsonNode value = json == null ? null : json.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidDigestException(name + ": a string");
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : text(json, field, field);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
