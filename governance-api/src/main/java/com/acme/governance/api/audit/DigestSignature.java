package com.acme.governance.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 signatures of digests (adr/0022), with the JDK's own provider. The signed bytes are the canonical JSON
 * ({@link CanonicalJson}) of the digest's JSON object without its {@code signature} member, {@code keyId}
 * included; the signature is in base64 with padding. A key's id is the first 16 hex digits of the SHA-256 of its
 * X.509 SubjectPublicKeyInfo encoding.
 */
public final class DigestSignature {

    private static final String ALGORITHM = "Ed25519";

    private DigestSignature() {
    }

    public static AuditDigest sign(AuditDigest digest, KeyPair keys) {
        AuditDigest withKey = digest.withSignature(keyId(keys.getPublic()), null);
        return withKey.withSignature(withKey.keyId(), Base64.getEncoder().encodeToString(
                signatureOf(signedBytes(withKey.toJson()), keys.getPrivate())));
    }

    /**
     * Reads a digest as received and checks that {@code key} signed exactly these bytes.
     *
     * @throws InvalidDigestException when it is malformed, names another key, or its signature does not verify
     */
    public static AuditDigest verified(JsonNode received, PublicKey key) {
        AuditDigest digest = AuditDigest.fromJson(received);
        if (digest.signature() == null) {
            throw new InvalidDigestException("signature: the digest is not signed");
        }
        String expectedKeyId = keyId(key);
        if (digest.keyId() != null && !digest.keyId().equals(expectedKeyId)) {
            throw new InvalidDigestException("keyId: the digest was signed by key " + digest.keyId()
                    + ", the public key given is " + expectedKeyId);
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(digest.signature());
        } catch (IllegalArgumentException e) {
            throw new InvalidDigestException("signature: not base64", e);
        }
        if (!verifies(signedBytes(received), signatureBytes, key)) {
            throw new InvalidDigestException("signature: does not verify with the public key given");
        }
        return digest;
    }

    public static String keyId(PublicKey key) {
        try {
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(sha256, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    static byte[] signedBytes(JsonNode digestJson) {
        ObjectNode unsigned = ((ObjectNode) digestJson).deepCopy();
        unsigned.remove("signature");
        return CanonicalJson.bytes(unsigned);
    }

    private static byte[] signatureOf(byte[] bytes, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(bytes);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    private static boolean verifies(byte[] bytes, byte[] signatureBytes, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(bytes);
            return verifier.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            throw new InvalidDigestException("signature: cannot be checked with this key (" + e.getMessage() + ")", e);
        }
    }
}
