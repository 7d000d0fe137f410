package com.acme.governance.command.audit.digest.web;

import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.audit.IssueAuditDigest;
import com.acme.governance.command.audit.digest.DigestIssuers;
import com.acme.governance.command.audit.digest.issuing.AuditDigestIssuer;
import com.acme.governance.command.audit.digest.issuing.IssuedDigest;
import com.acme.governance.edge.consistency.GovernanceToken;
import com.acme.governance.edge.security.AuthenticatedActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Auditors and operators ask for a digest now, say before an export they will verify offline (adr/0025). No body;
 * the answer is the signed digest itself, exactly as stored, with the token of its event in the audit ledger.
 */
@RestController
@RequestMapping(path = "/api/v1/audit/digests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "audit (commands)")
class AuditDigestController {

    /** Where the query side answers the latest digest, this one until the next. */
    static final URI LATEST = URI.create("/api/v1/audit/digest");

    private final AuditDigestIssuer issuer;

    AuditDigestController(AuditDigestIssuer commandAuditDigestIssuer) {
        this.issuer = commandAuditDigestIssuer;
    }

    @PostMapping
    @Operation(summary = "Issue a signed digest of the whole history now (auditors and operators)")
    ResponseEntity<String> issue() {
        Actor caller = AuthenticatedActor.current();
        DigestIssuers.requireRequester(caller);
        IssuedDigest digest = issuer.issue(caller);
        return ResponseEntity.created(LATEST)
                .header(GovernanceToken.HEADER, new GovernanceToken(IssueAuditDigest.LEDGER,
                        digest.ledgerSequence()).toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(digest.json());
    }
}
