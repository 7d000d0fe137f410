package com.acme.governance.query.audit.verify;

import com.acme.governance.api.audit.PemKeys;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;

/**
 * The public key of the digests, from {@code governance.audit.public-key}: PEM text as it is, anything else as the
 * path of a PEM file. A file is read at each use, not at start-up, so that a key the command side writes on its first
 * start, or an operator replaces, is the one answered.
 */
@Component("queryVerificationKey")
public class VerificationKey {

    private static final String PEM_BEGIN = "-----BEGIN ";

    private final String configured;

    public VerificationKey(AuditKeyProperties properties) {
        this.configured = properties.publicKey().strip();
    }

    /**
     * @return the key, empty when none is configured
     * @throws VerificationKeyUnavailableException when one is configured but cannot be read as an Ed25519 public key
     */
    Optional<PublicKey> publicKey() {
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(publicKeyOf(configured.contains(PEM_BEGIN) ? configured : file(configured)));
    }

    /** The key as PEM in the one form {@link PemKeys} writes, however the configured text was laid out. */
    Optional<String> pem() {
        return publicKey().map(PemKeys::pem);
    }

    private static String file(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.US_ASCII);
        } catch (IOException | InvalidPathException e) {
            throw new VerificationKeyUnavailableException("the public key file " + path + " cannot be read: " + e, e);
        }
    }

    private static PublicKey publicKeyOf(String pem) {
        try {
            return PemKeys.publicKey(pem);
        } catch (IllegalArgumentException e) {
            throw new VerificationKeyUnavailableException("governance.audit.public-key: " + e.getMessage(), e);
        }
    }
}
