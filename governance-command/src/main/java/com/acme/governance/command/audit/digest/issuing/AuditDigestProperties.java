package com.acme.governance.command.audit.digest.issuing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the command side signs and issues audit digests (adr/0025).
 *
 * @param signingKey     the Ed25519 signing key: a PEM file with the PKCS #8 {@code PRIVATE KEY} and, after it, its
 *                       {@code PUBLIC KEY} ({@code openssl genpkey -algorithm ed25519 -out key.pem} then
 *                       {@code openssl pkey -in key.pem -pubout >> key.pem}). None: no digests are issued.
 * @param publicKey      the query side's verification key (a PEM {@code PUBLIC KEY} file); read here only when the
 *                       signing key file holds no public key of its own
 * @param digestInterval how often the system issues a digest by itself; 0 turns that off. Several instances share
 *                       it: one issues only when the latest stored digest, whoever issued it, is this old
 */
@ConfigurationProperties("governance.audit")
public record AuditDigestProperties(Path signingKey,
                                    Path publicKey,
                                    @DefaultValue("1h") Duration digestInterval) {
}
