package com.acme.governance.verifier;

import com.acme.governance.api.audit.AuditDigest;
import com.acme.governance.api.audit.DigestSignature;
import com.acme.governance.api.audit.PemKeys;
import com.acme.governance.api.audit.SealedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

/** Writes what an auditor downloads: the NDJSON export of the audit trail, a signed digest, its public key. */
final class AuditTrailExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditTrailExport() {
    }

    /** The item of {@code GET /api/v1/audit/events}, as the shape fixed for issue 9. */
    static String line(SealedEvent event) {
        ObjectNode item = JSON.createObjectNode();
        item.put("eventId", event.link().eventId());
        item.put("aggregateId", event.link().aggregateId());
        item.put("aggregateType", "DataProduct");
        item.put("sequence", event.link().sequenceNumber());
        item.put("type", event.link().type());
        item.putNull("revision");
        item.put("time", event.link().timestamp().toString());
        item.put("principal", event.link().principal());
        item.put("issuer", event.link().issuer());
        event.link().teams().forEach(item.putArray("teams")::add);
        event.link().roles().forEach(item.putArray("roles")::add);
        item.put("correlationId", event.link().correlationId());
        item.put("causationId", event.link().causationId());
        item.put("hash", event.hash());
        item.put("previousHash", event.previousHash());
        item.set("payload", event.link().payload());
        return item.toString();
    }

    static Path ndjson(Path directory, List<SealedEvent> events) {
        return write(directory.resolve("export.ndjson"),
                String.join("\n", events.stream().map(AuditTrailExport::line).toList()) + "\n");
    }

    static Path signedDigest(Path directory, AuditDigest digest, KeyPair keys) {
        return write(directory.resolve("digest.json"), DigestSignature.sign(digest, keys).toJson().toPrettyString());
    }

    static Path publicKey(Path directory, KeyPair keys) {
        return write(directory.resolve("key.pem"), PemKeys.pem(keys.getPublic()));
    }

    static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
