package com.acme.governance.query.audit.verify;

import com.acme.governance.query.audit.AuditTrailReaders;
import com.acme.governance.query.web.QueryParameters;
import com.acme.governance.query.web.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/**
 * The latest signed digest, exactly as signed, and the key that verifies it, for auditors who verify offline
 * (adr/0022, adr/0024).
 */
@RestController("queryAuditDigestController")
@RequestMapping(path = "/api/v1/audit")
@Tag(name = "Audit")
public class AuditDigestController {

    static final String PEM = "application/x-pem-file";

    private final EventStore store;
    private final VerificationKey key;

    public AuditDigestController(EventStore queryEventStore, VerificationKey key) {
        this.store = queryEventStore;
        this.key = key;
    }

    @GetMapping(path = "/digest", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The latest signed digest of the whole history, its JSON exactly as signed",
            description = "Its heads name every aggregate, so it is for the readers of the audit trail.")
    public ResponseEntity<String> latestDigest(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            Authentication authentication) {
        AuditTrailReaders.requireReader(authentication);
        QueryParameters.ofResource(parameters, Set.of());
        StoredDigest digest = store.latestDigest()
                .orElseThrow(() -> new ResourceNotFoundException("audit digest", "latest"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(digest.json());
    }

    @GetMapping(path = "/public-key", produces = {PEM, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "The Ed25519 public key that verifies the digests, as PEM",
            description = "A public key: any authenticated caller may fetch it.")
    public ResponseEntity<String> publicKey(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        QueryParameters.ofResource(parameters, Set.of());
        String pem = key.pem().orElseThrow(() -> new ResourceNotFoundException("public key", "governance.audit.public-key"));
        return ResponseEntity.ok(pem);
    }
}
