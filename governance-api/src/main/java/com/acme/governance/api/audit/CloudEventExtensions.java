package com.acme.governance.api.audit;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The CloudEvents envelope of every record on {@code governance.events}, as far as it is ours to define: the source,
 * the content type and the extension attributes that carry the audit metadata (see adr/0004). The command side's
 * relay writes them and the query side reads them by these names, both through the CloudEvents SDK; in Kafka binary
 * mode each travels as the header {@code ce_<name>}, e.g. {@link #SEQUENCE} as {@code ce_sequence}.
 *
 * <p>Every value is a string, as CloudEvents extensions on Kafka headers are. Once published, a name never changes:
 * changing one breaks every consumer and would need a new topic.
 */
public final class CloudEventExtensions {

    /** {@code ce_source} of every event the command side publishes. */
    public static final String SOURCE = "/governance/command";
    /** {@code content-type} of the record value: the event record as JSON. */
    public static final String DATA_CONTENT_TYPE = "application/json";

    /** 0-based position of the event in its aggregate's stream, decimal. */
    public static final String SEQUENCE = "sequence";
    /** The aggregate's type, e.g. {@code DataProduct}. */
    public static final String AGGREGATE_TYPE = "aggregatetype";
    /** Who decided: {@link AuditMetadata#PRINCIPAL}. */
    public static final String PRINCIPAL = "principal";
    /**
     * {@link AuditMetadata#ISSUER}; empty for an event recorded without one, absent on records published before it
     * was kept. Either way the event hashes without an issuer ({@link #issuer(String)}).
     */
    public static final String ISSUER = "issuer";
    /** The principal's teams, {@linkplain #joined(Collection) comma-separated}; empty for none. */
    public static final String TEAMS = "teams";
    /** The principal's roles, {@linkplain #joined(Collection) comma-separated}; empty for none. */
    public static final String ROLES = "roles";
    /** {@link AuditMetadata#CORRELATION_ID}; empty when unknown. */
    public static final String CORRELATION_ID = "correlationid";
    /** {@link AuditMetadata#CAUSATION_ID}; empty when unknown. */
    public static final String CAUSATION_ID = "causationid";
    /** {@link AuditMetadata#HASH}, the event's link in its aggregate's hash chain. */
    public static final String HASH = "hash";
    /** {@link AuditMetadata#PREVIOUS_HASH}; empty for the first event of an aggregate. */
    public static final String PREVIOUS_HASH = "previoushash";

    /** Every extension the relay writes on every event. */
    public static final List<String> ALL = List.of(SEQUENCE, AGGREGATE_TYPE, PRINCIPAL, ISSUER, TEAMS, ROLES, CORRELATION_ID,
            CAUSATION_ID, HASH, PREVIOUS_HASH);

    private static final String SEPARATOR = ",";

    private CloudEventExtensions() {
    }

    /** The value of a list extension ({@link #TEAMS}, {@link #ROLES}): the items comma-separated, empty for none. */
    public static String joined(Collection<String> items) {
        return String.join(SEPARATOR, items);
    }

    /** The issuer that the {@link #ISSUER} extension's value stands for: null when it is absent or empty. */
    public static String issuer(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The items of a list extension; blank items are dropped, null or blank is the empty list. */
    public static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(SEPARATOR))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .toList();
    }
}
