package com.acme.governance.local;

import com.acme.governance.api.audit.DigestSignature;
import com.acme.governance.api.audit.PemKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class LocalAuditKeysTest {

    @TempDir
    Path keys;

    @Test
    void theFirstStartCreatesAKeyPairThatLaterStartsKeep() throws Exception {
        Map<String, Object> first = LocalAuditKeys.ensure(keys);
        String signing = Files.readString(keys.resolve(LocalAuditKeys.SIGNING_KEY));
        String verifying = Files.readString(keys.resolve(LocalAuditKeys.PUBLIC_KEY));

        Map<String, Object> second = LocalAuditKeys.ensure(keys);

        assertThat(second).isEqualTo(first).containsOnly(
                Map.entry("governance.audit.signing-key", keys.resolve("audit-signing-key.pem").toString()),
                Map.entry("governance.audit.public-key", keys.resolve("audit-public-key.pem").toString()));
        assertThat(Files.readString(keys.resolve(LocalAuditKeys.SIGNING_KEY))).isEqualTo(signing);
        assertThat(Files.readString(keys.resolve(LocalAuditKeys.PUBLIC_KEY))).isEqualTo(verifying);
        PemKeys.privateKey(signing);
        assertThat(PemKeys.publicKey(signing)).isEqualTo(PemKeys.publicKey(verifying));
        try (var files = Files.list(keys)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void thePrivateKeyIsTheOwnersOnly() throws Exception {
        assumeThat(keys.getFileSystem().supportedFileAttributeViews()).contains("posix");

        LocalAuditKeys.ensure(keys);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(LocalAuditKeys.SIGNING_KEY))))
                .isEqualTo("rw-------");
    }

    @Test
    void aNewKeyPairKeepsThePublicKeyThatChecksTheOldDigests() throws Exception {
        LocalAuditKeys.ensure(keys);
        PublicKey old = PemKeys.publicKey(Files.readString(keys.resolve(LocalAuditKeys.PUBLIC_KEY)));
        Files.delete(keys.resolve(LocalAuditKeys.SIGNING_KEY));

        LocalAuditKeys.ensure(keys);

        PublicKey current = PemKeys.publicKey(Files.readString(keys.resolve(LocalAuditKeys.PUBLIC_KEY)));
        assertThat(current).isNotEqualTo(old)
                .isEqualTo(PemKeys.publicKey(Files.readString(keys.resolve(LocalAuditKeys.SIGNING_KEY))));
        Path kept = keys.resolve("audit-public-key-" + DigestSignature.keyId(old) + ".pem");
        assertThat(PemKeys.publicKey(Files.readString(kept))).isEqualTo(old);
    }

    @Test
    void aPublicKeyFileCutShortByACrashIsWrittenAgainFromTheSigningKey() throws Exception {
        LocalAuditKeys.ensure(keys);
        Path publicKey = keys.resolve(LocalAuditKeys.PUBLIC_KEY);
        String whole = Files.readString(publicKey);
        Files.writeString(publicKey, whole.substring(0, whole.length() / 2));

        LocalAuditKeys.ensure(keys);

        assertThat(Files.readString(publicKey)).isEqualTo(whole);
        try (var files = Files.list(keys)) {
            assertThat(files).as("nothing else is kept, no temporary file left").hasSize(2);
        }
    }
}
