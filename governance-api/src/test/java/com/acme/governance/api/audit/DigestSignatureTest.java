package com.acme.governance.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The digest format of adr/0022, pinned by values computed outside our code: the key pair comes from
 * {@code openssl genpkey -algorithm ed25519}, the root hash and key id from a Python script, and the signature
 * from {@code openssl pkeyutl -sign -rawin} over the canonical bytes written out below.
 */
class DigestSignatureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENSSL_PRIVATE = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIH6lS/AQvLRTGUn0M+7ZUQJULLKoFeb+K0fjeFgqr59B
            -----END PRIVATE KEY-----
            """;
    private static final String OPENSSL_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAt8rB8UAmbuEDda5sbmgmnvtS+VAyJfS/szkrbIe/sXU=
            -----END PUBLIC KEY-----
            """;
    private static final String ROOT = "3ec374e2568261f67dc407c976a3f0df0a9db2bd45960adde8f40b6f828ae380";
    private static final String OPENSSL_SIGNATURE =
            "rgHJcmO6LW5Wo0NSLnRSLy2X2tHoJfmOK4s+ZxixyzP20+2Aw4nJjJQMzj7EuABKw2gGb5Epe3C3g2ykHFJOAw==";

    private static AuditDigest unsigned() {
        return AuditDigest.unsigned(Instant.parse("2026-12-02T10:00:00Z"), 5, Map.of(
                "sales.orders", new AuditDigest.Head(2, "a".repeat(64)),
                "sales.invoices", new AuditDigest.Head(1, "b".repeat(64))));
    }

    private static KeyPair opensslKeys() {
        return new KeyPair(PemKeys.publicKey(OPENSSL_PUBLIC), PemKeys.privateKey(OPENSSL_PRIVATE));
    }

    private static JsonNode signedJson() throws Exception {
        return JSON.readTree(JSON.writeValueAsString(DigestSignature.sign(unsigned(), opensslKeys()).toJson()));
    }

    @Test
    void theRootHashIsTheFoldOfTheHeadsInAggregateIdOrder() {
        assertThat(unsigned().rootHash()).isEqualTo(ROOT);
    }

    @Test
    void theSignedBytesAreTheCanonicalJsonWithoutTheSignature() {
        AuditDigest signed = DigestSignature.sign(unsigned(), opensslKeys());

        assertThat(new String(DigestSignature.signedBytes(signed.toJson()), StandardCharsets.UTF_8)).isEqualTo(
                "{\"eventCount\":5,\"heads\":{\"sales.invoices\":{\"hash\":\"" + "b".repeat(64) + "\",\"sequence\":1},"
                        + "\"sales.orders\":{\"hash\":\"" + "a".repeat(64) + "\",\"sequence\":2}},"
                        + "\"issuedAt\":\"2026-12-02T10:00:00Z\",\"keyId\":\"be9f421d1b8f808a\",\"rootHash\":\"" + ROOT
                        + "\"}");
    }

    @Test
    void theSignatureIsTheOneOpensslMakesWithTheSameKey() {
        AuditDigest signed = DigestSignature.sign(unsigned(), opensslKeys());

        assertThat(signed.keyId()).isEqualTo("be9f421d1b8f808a");
        assertThat(signed.signature()).isEqualTo(OPENSSL_SIGNATURE);
    }

    @Test
    void aSignedDigestReadBackVerifiesWithItsPublicKey() throws Exception {
        assertThat(DigestSignature.verified(signedJson(), PemKeys.publicKey(OPENSSL_PUBLIC)))
                .isEqualTo(DigestSignature.sign(unsigned(), opensslKeys()));
    }

    @Test
    void aChangedHeadWithARecomputedRootFailsTheSignature() throws Exception {
        ObjectNode json = (ObjectNode) signedJson();
        ((ObjectNode) json.get("heads").get("sales.orders")).put("sequence", 1);
        AuditDigest changed = AuditDigest.unsigned(unsigned().issuedAt(), 5, Map.of(
                "sales.orders", new AuditDigest.Head(1, "a".repeat(64)),
                "sales.invoices", new AuditDigest.Head(1, "b".repeat(64))));
        json.put("rootHash", changed.rootHash());

        assertThatThrownBy(() -> DigestSignature.verified(json, PemKeys.publicKey(OPENSSL_PUBLIC)))
                .isInstanceOf(InvalidDigestException.class)
                .hasMessage("signature: does not verify with the public key given");
    }

    @Test
    void aRootHashThatIsNotTheFoldOfItsHeadsIsRefused() throws Exception {
        ObjectNode json = (ObjectNode) signedJson();
        ((ObjectNode) json.get("heads").get("sales.orders")).put("hash", "c".repeat(64));

        assertThatThrownBy(() -> DigestSignature.verified(json, PemKeys.publicKey(OPENSSL_PUBLIC)))
                .isInstanceOf(InvalidDigestException.class).hasMessage("rootHash: not the fold of its heads");
    }

    @Test
    void aDigestSignedByAnotherKeyNamesBothKeys() throws Exception {
        KeyPair other = PemKeys.generate();

        assertThatThrownBy(() -> DigestSignature.verified(signedJson(), other.getPublic()))
                .isInstanceOf(InvalidDigestException.class)
                .hasMessage("keyId: the digest was signed by key be9f421d1b8f808a, the public key given is "
                        + DigestSignature.keyId(other.getPublic()));
    }

    @Test
    void anUnsignedDigestIsRefused() throws Exception {
        JsonNode json = JSON.readTree(JSON.writeValueAsString(unsigned().toJson()));

        assertThatThrownBy(() -> DigestSignature.verified(json, PemKeys.publicKey(OPENSSL_PUBLIC)))
                .isInstanceOf(InvalidDigestException.class).hasMessage("signature: the digest is not signed");
    }

    @Test
    void aMalformedDigestNamesTheField() throws Exception {
        ObjectNode json = (ObjectNode) signedJson();
        json.put("eventCount", "five");

        assertThatThrownBy(() -> AuditDigest.fromJson(json))
                .isInstanceOf(InvalidDigestException.class).hasMessage("eventCount: a whole number, 0 or more");
    }

    @Test
    void generatedKeysRoundTripThroughPem() {
        KeyPair keys = PemKeys.generate();

        assertThat(PemKeys.publicKey(PemKeys.pem(keys.getPublic()))).isEqualTo(keys.getPublic());
        assertThat(PemKeys.privateKey(PemKeys.pem(keys.getPrivate())).getEncoded())
                .isEqualTo(keys.getPrivate().getEncoded());
    }

    @Test
    void aKeyThatIsNotEd25519IsRefused() {
        String rsaLike = "-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf"
                + "9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ==\n-----END PUBLIC KEY-----\n";

        assertThatThrownBy(() -> PemKeys.publicKey(rsaLike)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an Ed25519 public key");
        assertThatThrownBy(() -> PemKeys.publicKey("hello")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no PEM block 'PUBLIC KEY'");
    }
}
