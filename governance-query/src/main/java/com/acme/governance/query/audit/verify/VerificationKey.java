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
 * The public key of the digests, from the PEM file that {@code governance.audit.public-key} names. The file is read
 * at each use, not at start-up, so that a key the local stack creates on its first start, or one an operator
 * replaces, is the one answered and verified with.
 */
@Component("queryVerificationKey")
public class VerificationKey {

    private final String file;

    public VerificationKey(AuditKeyProperties properties) {
        this.file = properties.publicKey().strip();
    }

    /**
     * @return the key, empty when none is configured
     * @throws VerificationKeyUnavailableException when one is configured but cannot be read as an Ed25519 public key
     */
    Optional<PublicKey> publicKey() {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        String pem;
        try {
            pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (IOException | InvalidPathException e) {
            throw new VerificationKeyUnavailableException("the public key file " + file + " cannot be read: " + e, e);
        }
        try {
            return Optional.of(PemKeys.publicKey(pem));
        } catch (IllegalArgumentException e) {
            throw new VerificationKeyUnavailableException("the public key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The key as PEM in the one form {@link PemKeys} writes, however the file lays it out. */
    Optional<String> pem() {
        return publicKey().map(PemKeys::pem);
    }
}
