package com.acme.governance.api.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records a digest that was signed and stored as document {@code digestId} (adr/0025) in the audit ledger.
 *
 * @param ledgerSequence the ledger's last sequence among the digest's heads, or null when the ledger had no event
 *                       yet: a digest covers the digest recorded before it, or it is not recorded
 */
public record IssueAuditDigest(@NotBlank @TargetAggregateIdentifier String ledgerId,
                               @NotBlank String digestId,
                               @NotNull Instant issuedAt,
                               @PositiveOrZero long eventCount,
                               @PositiveOrZero long aggregateCount,
                               @NotNull String rootHash,
                               @NotBlank String keyId,
                               @NotBlank String signature,
                               Long ledgerSequence) {

    /** The one aggregate that records every digest. */
    public static final String LEDGER = "audit-ledger";

    /** For a digest as {@link DigestSignature#sign} signed it. */
    public static IssueAuditDigest of(String digestId, AuditDigest signed) {
        AuditDigest.Head ledgerHead = signed.heads().get(LEDGER);
        return new IssueAuditDigest(LEDGER, digestId, signed.issuedAt(), signed.eventCount(), signed.heads().size(),
                signed.rootHash(), signed.keyId(), signed.signature(),
                ledgerHead == null ? null : ledgerHead.sequence());
    }
}
