package com.acme.governance.command.audit.digest.issuing;

/**
 * A digest stored and recorded.
 *
 * @param json           the signed digest's JSON text, as stored and signed
 * @param ledgerSequence the sequence of its {@code AuditDigestIssued} event in the audit ledger
 */
public record IssuedDigest(String digestId, String json, long ledgerSequence) {
}
