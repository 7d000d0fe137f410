package com.acme.governance.api.audit;

/**
 * Keys of the audit metadata every event carries in the event store. On Kafka the same values travel as the
 * CloudEvents extensions named in {@link CloudEventExtensions} ({@code ce_principal}, {@code ce_correlationid}, ...).
 */
public final class AuditMetadata {

    public static final String PRINCIPAL = "principal";
    /**
     * The {@link #PRINCIPAL} of a decision the system takes by itself (an expiry, the closure of access to a retired
     * product): it has no teams and no roles, and its {@link #CAUSATION_ID} is the id of the recorded event of the
     * human decision behind it (the grant, the retirement).
     */
    public static final String SYSTEM_PRINCIPAL = "system";
    /**
     * Who vouches for the {@link #PRINCIPAL}: the issuer of the caller's JWT, {@link Actor#LOCAL_ISSUER} or
     * {@link Actor#SYSTEM_ISSUER}. Absent from the events recorded before it was kept (adr/0032).
     */
    public static final String ISSUER = "issuer";
    public static final String TEAMS = "teams";
    public static final String ROLES = "roles";
    /** Id of the first message of the chain of messages that led to the event. */
    public static final String CORRELATION_ID = "correlationId";
    /**
     * Id of the message (usually the command) that directly caused the event; for a decision of the
     * {@link #SYSTEM_PRINCIPAL system}, the id of the event that recorded the human decision behind it.
     */
    public static final String CAUSATION_ID = "causationId";
    /** Hash of the previous event of the same aggregate; empty for its first event. */
    public static final String PREVIOUS_HASH = "previousHash";
    /** SHA-256 over {@link #PREVIOUS_HASH} and the event's canonical bytes; see {@link HashChain}. */
    public static final String HASH = "hash";


    private AuditMetadata() {
    }
}
