package com.acme.governance.local;

import com.acme.governance.api.audit.DigestSignature;
import com.acme.governance.api.audit.PemKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;

/**
 * The local stack's audit signing key (adr/0025): an Ed25519 key pair created under {@code <data-dir>/keys} on the
 * first start and kept on every later one, so that digests signed before a restart still verify after it.
 * {@value #SIGNING_KEY} holds the private key (PKCS #8, readable by its owner only where the file system has POSIX
 * permissions) followed by its public key; {@value #PUBLIC_KEY} the public key alone, for the query side and for
 * auditors. A public key that no longer matches the private key (the private key was deleted, so a new pair was made)
 * is kept beside it as {@code audit-public-key-<keyId>.pem}: the digests it signed can still be checked.
 */
final class LocalAuditKeys {

    static final String SIGNING_KEY = "audit-signing-key.pem";
    static final String PUBLIC_KEY = "audit-public-key.pem";
    static final String SIGNING_KEY_PROPERTY = "governance.audit.signing-key";
    static final String PUBLIC_KEY_PROPERTY = "governance.audit.public-key";

    private static final Logger log = LoggerFactory.getLogger(LocalAuditKeys.class);

    private LocalAuditKeys() {
    }

    /** Creates the pair if there is none, and answers the properties that point both services at it. */
    static Map<String, Object> ensure(Path directory) {
        try {
            Files.createDirectories(directory);
            Path signing = directory.resolve(SIGNING_KEY);
            Path verifying = directory.resolve(PUBLIC_KEY);
            if (!Files.exists(signing)) {
                create(signing);
            }
            PublicKey publicKey = PemKeys.publicKey(Files.readString(signing));
            keepPublicKey(verifying, publicKey);
            log.info("Audit digests are signed with the local key {} ({}); verify them with {}",
                    DigestSignature.keyId(publicKey), signing, verifying);
            return Map.of(SIGNING_KEY_PROPERTY, signing.toString(), PUBLIC_KEY_PROPERTY, verifying.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the audit signing key in " + directory, e);
        }
    }

    private static void create(Path signing) throws IOException {
        KeyPair keys = PemKeys.generate();
        writeWhole(signing, PemKeys.pem(keys.getPrivate()) + PemKeys.pem(keys.getPublic()), ownerOnly(signing));
        log.info("Created the audit signing key {}", signing);
    }

    /** Written whole into a file beside it, then moved into place: a crash never leaves half a key. */
    private static void writeWhole(Path target, String text, FileAttribute<?>... attributes) throws IOException {
        Path written = Files.createTempFile(target.getParent(), target.getFileName() + "-", ".new", attributes);
        try {
            Files.writeString(written, text);
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(written);
        }
    }

    private static void keepPublicKey(Path verifying, PublicKey publicKey) throws IOException {
        String pem = PemKeys.pem(publicKey);
        if (Files.exists(verifying)) {
            String existing = Files.readString(verifying);
            if (existing.equals(pem)) {
                return;
            }
            Optional<PublicKey> old = readable(existing);
            if (old.isPresent()) {
                Path kept = verifying.resolveSibling("audit-public-key-" + DigestSignature.keyId(old.get()) + ".pem");
                Files.move(verifying, kept, StandardCopyOption.REPLACE_EXISTING);
                log.warn("The audit signing key changed; the previous public key is kept as {}", kept);
            } else {
                log.warn("{} held no public key (written by an older version when it crashed?); it is written again "
                        + "from the signing key", verifying);
            }
        }
        writeWhole(verifying, pem);
    }

    private static Optional<PublicKey> readable(String pem) {
        try {
            return Optional.of(PemKeys.publicKey(pem));
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
