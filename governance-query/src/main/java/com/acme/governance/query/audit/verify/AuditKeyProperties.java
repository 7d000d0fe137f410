package com.acme.governance.query.audit.verify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key that digests are verified with.
 *
 * @param publicKey the Ed25519 public key, as PEM text ({@code -----BEGIN PUBLIC KEY-----...}) or as the path of a
 *                  file holding it; empty (the default) when digests are not verified
 */
@ConfigurationProperties("governance.audit")
public record AuditKeyProperties(@DefaultValue("") String publicKey) {
}
