package com.acme.governance.api.audit;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The service issued a signed digest of the whole history (adr/0025): a compact commitment to it. The digest itself,
 * with every aggregate's head, is the document {@code digestId} of the event store's {@code audit_digests}
 * collection; {@code signature} is the one {@link DigestSignature} made over that digest's full JSON, heads included,
 * so this event and the document vouch for each other. Recorded by the {@link IssueAuditDigest#LEDGER audit ledger},
 * whose own hash chain makes successive digests a chain too.
 *
 * @param aggregateCount how many aggregates the digest has a head of
 */
@EventType("governance.audit.digest-issued")
@Revision("1")
public record AuditDigestIssued(String digestId, Instant issuedAt, long eventCount, long aggregateCount,
                                String rootHash, String keyId, String signature) {
}
