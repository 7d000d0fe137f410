package com.acme.governance.api.audit;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys as operators make them (deploy/k8s/kustomization.yaml names the openssl commands) and as we write them. */
class PemKeysTest {

    /** {@code openssl genpkey -algorithm ed25519}, then {@code openssl pkey -pubout}: OpenSSL 3's output. */
    private static final String OPENSSL_PRIVATE = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIOL1T03JbSRVAHLeTz1TImSPG3NDNH9OzmJ3bix5E04J
            -----END PRIVATE KEY-----
            """;
    private static final String OPENSSL_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAMo8Hg0wYUOpKrt17ZBy+ZHOc4ykr7VHiDjwvPICWsuA=
            -----END PUBLIC KEY-----
            """;

    @Test
    void aKeyPairMadeWithOpensslSignsDigestsThatItsPublicKeyVerifies() {
        String signingKeyFile = OPENSSL_PRIVATE + OPENSSL_PUBLIC;
        KeyPair keys = new KeyPair(PemKeys.publicKey(signingKeyFile), PemKeys.privateKey(signingKeyFile));
        AuditDigest signed = DigestSignature.sign(AuditDigest.unsigned(Instant.parse("2026-01-01T00:00:00Z"),
                1, Map.of("sales.orders", new AuditDigest.Head(0, "ab"))), keys);

        PublicKey published = PemKeys.publicKey(OPENSSL_PUBLIC);

        assertThat(DigestSignature.verified(signed.toJson(), published)).isEqualTo(signed);
    }

    @Test
    void whatWeWriteReadsBackAndTextThatIsNoKeyIsRefused() {
        KeyPair keys = PemKeys.generate();

        assertThat(PemKeys.publicKey(PemKeys.pem(keys.getPublic()))).isEqualTo(keys.getPublic());
        assertThat(PemKeys.privateKey(PemKeys.pem(keys.getPrivate()))).isEqualTo(keys.getPrivate());
        assertThatThrownBy(() -> PemKeys.publicKey(OPENSSL_PRIVATE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PemKeys.publicKey("-----BEGIN PUBLIC KEY-----\nMCow\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
