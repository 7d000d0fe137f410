package com.acme.governance.query.audit.verify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key that digests are verified with.
 *
 * @param publicKey the path of a PEM file holding the Ed25519 {@code PUBLIC KEY}, the same property, with the same
 *                  meaning, as the command side's (adr/0025); empty (the default) when digests are not verified
 */
@ConfigurationProperties("governance.audit")
public record AuditKeyProperties(@DefaultValue("") String publicKey) {
}
