package com.acme.governance.command.audit.digest.issuing;

import com.acme.governance.api.audit.AuditDigest;
import com.acme.governance.api.audit.DigestSignature;
import com.acme.governance.api.audit.InvalidDigestException;
import com.acme.governance.api.audit.PemKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The configured signing key pair, read once at start-up. A key that is configured but unreadable, or whose public
 * half does not verify what its private half signs, stops the service: a digest signed under a key nobody can check
 * would be worthless, and so would be a service that silently signs nothing.
 */
public final class SigningKey {

    private final KeyPair keys;

    private SigningKey(KeyPair keys) {
        this.keys = keys;
    }

    /** Empty when no signing key is configured. */
    public static Optional<SigningKey> load(AuditDigestProperties properties) {
        if (properties.signingKey() == null) {
            return Optional.empty();
        }
        String pem = read(properties.signingKey());
        PrivateKey privateKey = PemKeys.privateKey(pem);
        PublicKey publicKey;
        if (pem.contains("-----BEGIN PUBLIC KEY-----")) {
            publicKey = PemKeys.publicKey(pem);
        } else if (properties.publicKey() != null) {
            publicKey = PemKeys.publicKey(read(properties.publicKey()));
        } else {
            throw new IllegalStateException("governance.audit.signing-key " + properties.signingKey()
                    + " holds no PUBLIC KEY and governance.audit.public-key is not set; append the public key with "
                    + "'openssl pkey -in " + properties.signingKey() + " -pubout >> " + properties.signingKey() + "'");
        }
        KeyPair keys = new KeyPair(publicKey, privateKey);
        requireAPair(keys, properties.signingKey());
        return Optional.of(new SigningKey(keys));
    }

    public KeyPair keys() {
        return keys;
    }

    public String keyId() {
        return DigestSignature.keyId(keys.getPublic());
    }

    private static void requireAPair(KeyPair keys, Path file) {
        AuditDigest probe = DigestSignature.sign(AuditDigest.unsigned(Instant.EPOCH, 0, Map.of()), keys);
        try {
            DigestSignature.verified(probe.toJson(), keys.getPublic());
        } catch (InvalidDigestException e) {
            throw new IllegalStateException("the public key given for " + file + " is not the one of its private key",
                    e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file " + file, e);
        }
    }
}
