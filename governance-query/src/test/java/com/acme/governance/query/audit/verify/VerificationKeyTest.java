package com.acme.governance.query.audit.verify;

import com.acme.governance.api.audit.PemKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The digests' public key, from the file {@code governance.audit.public-key} names, read at each use. */
class VerificationKeyTest {

    @TempDir
    Path directory;

    @Test
    void noneConfiguredIsNoKey() {
        assertThat(new VerificationKey(new AuditKeyProperties("")).pem()).isEmpty();
    }

    @Test
    void theFileIsReadAtEachUseSoAReplacedKeyIsTheOneAnswered() throws Exception {
        KeyPair first = PemKeys.generate();
        KeyPair second = PemKeys.generate();
        Path file = Files.writeString(directory.resolve("key.pem"), "\n  " + PemKeys.pem(first.getPublic()) + "\n\n");
        VerificationKey key = new VerificationKey(new AuditKeyProperties(file.toString()));

        assertThat(key.pem()).contains(PemKeys.pem(first.getPublic()));
        Files.writeString(file, PemKeys.pem(second.getPublic()));
        assertThat(key.publicKey()).contains(second.getPublic());
    }

    @Test
    void aConfiguredKeyThatCannotBeReadIsTheServicesFault() throws Exception {
        Path notAKey = Files.writeString(directory.resolve("private.pem"), PemKeys.pem(PemKeys.generate().getPrivate()));

        assertThatThrownBy(() -> new VerificationKey(new AuditKeyProperties(directory.resolve("absent.pem").toString()))
                .publicKey()).isInstanceOf(VerificationKeyUnavailableException.class).hasMessageContaining("absent.pem");
        assertThatThrownBy(() -> new VerificationKey(new AuditKeyProperties(notAKey.toString())).pem())
                .isInstanceOf(VerificationKeyUnavailableException.class).hasMessageContaining("PUBLIC KEY");
    }
}
