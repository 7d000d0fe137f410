package com.acme.governance.query.audit.verify;

import com.acme.governance.query.audit.AuditTrailParameters;
import com.acme.governance.query.audit.AuditTrailReaders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit/verify}: the event store's chains, its latest digest and the audit trail's copies. */
@RestController("queryAuditVerifyController")
@Tag(name = "Audit")
public class AuditVerifyController {

    private final StoreVerifier verifier;

    public AuditVerifyController(StoreVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping(path = "/api/v1/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recompute every hash chain over the event store and cross-check the audit trail",
            description = "Reads the event store itself, the system of record, in aggregate id and sequence order, "
                    + "verifies it against the latest signed digest (unless digest=none), and compares every copy "
                    + "in the audit trail with its stored event. firstBroken names the store's first fault "
                    + "(hash-mismatch, link-broken, sequence-gap, head-mismatch), or, the store being intact, the "
                    + "first copy that disagrees (copy-differs).")
    @Parameter(name = VerifyParameters.AGGREGATE_ID, in = ParameterIn.QUERY,
            schema = @Schema(maxLength = AuditTrailParameters.MAX_AGGREGATE_ID_LENGTH))
    @Parameter(name = VerifyParameters.DIGEST, in = ParameterIn.QUERY,
            schema = @Schema(allowableValues = VerifyParameters.NO_DIGEST))
    public StoreVerificationReport verify(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            Authentication authentication) {
        AuditTrailReaders.requireReader(authentication);
        VerifyParameters query = VerifyParameters.parse(parameters);
        return verifier.verify(query.aggregateId(), query.withDigest());
    }
}
