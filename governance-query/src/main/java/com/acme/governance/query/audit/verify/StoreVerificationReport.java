package com.acme.governance.query.audit.verify;

import com.acme.governance.api.audit.BrokenLink;

/**
 * The answer of {@code GET /audit/verify}: the report of the offline verifier ({@code VerificationReport}) and what
 * only the server can add. {@code firstBroken} names the store's own first fault (its chains, then the digest's
 * heads), and only when the store is intact the first copy of the audit trail that disagrees with it.
 *
 * @param copiesChecked copies of the audit trail compared with their stored event
 * @param copiesBehind  stored events whose copy has not reached the audit trail yet: the read side is behind, which
 *                      is no fault
 * @param digest        the digest verified against; null when none is stored or {@code digest=none} was asked
 */
public record StoreVerificationReport(boolean valid, long eventsChecked, long aggregatesChecked,
                                      BrokenLink firstBroken, long copiesChecked, long copiesBehind,
                                      DigestUse digest) {
}
