package com.acme.governance.command.audit.digest.issuing;

/**
 * The digest's JSON, heads included, is larger than one MongoDB document holds (16 MiB): about 130,000 aggregates
 * with UUID ids (128 bytes a head). Nothing was recorded; adr/0025 names the way out.
 */
public class DigestTooLargeException extends RuntimeException {

    public DigestTooLargeException(int aggregates, int maxJsonBytes) {
        super("a digest of " + aggregates + " aggregates is larger than the " + maxJsonBytes
                + " bytes one stored digest document can hold; nothing was recorded");
    }
}
