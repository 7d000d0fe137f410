package com.acme.governance.api.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonical form of adr/0017, written out by hand: a change to {@link HashChain} that alters it fails here. */
class HashChainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static HashChain.Link registered() throws Exception {
        return new HashChain.Link("sales.orders", 0, "governance.dataproduct.registered.v1",
                "3f1c2d4e-0000-4000-8000-000000000001", Instant.parse("2026-12-02T10:15:30.123456Z"),
                JSON.readTree("{\"title\":\"Orders\",\"domain\":\"sales\",\"tags\":[\"pii\",\"b2b\"]}"),
                "alice", List.of("sales"), List.of("MEMBER"), "c-1", "c-0");
    }

    @Test
    void canonicalBytesAreSortedCompactJsonWithTheTimestampInMilliseconds() throws Exception {
        String expected = "{\"aggregateId\":\"sales.orders\",\"causationId\":\"c-0\",\"correlationId\":\"c-1\","
                + "\"eventId\":\"3f1c2d4e-0000-4000-8000-000000000001\",\"payload\":{\"domain\":\"sales\","
                + "\"tags\":[\"pii\",\"b2b\"],\"title\":\"Orders\"},\"principal\":\"alice\",\"roles\":[\"MEMBER\"],"
                + "\"sequenceNumber\":0,\"teams\":[\"sales\"],\"timestamp\":\"2026-12-02T10:15:30.123Z\","
                + "\"type\":\"governance.dataproduct.registered.v1\"}";

        assertThat(new String(HashChain.canonicalBytes(registered()), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void theFirstHashIsTheSha256OfANewlineAndTheCanonicalBytes() throws Exception {
        byte[] canonical = HashChain.canonicalBytes(registered());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) '\n');

        assertThat(HashChain.hash("", registered())).isEqualTo(HexFormat.of().formatHex(sha256.digest(canonical)))
                .isEqualTo(HashChain.hash(null, registered()));
    }

    @Test
    void eachHashCoversItsPredecessor() throws Exception {
        String first = HashChain.hash("", registered());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((first + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(HashChain.hash(first, registered()))
                .isEqualTo(HexFormat.of().formatHex(sha256.digest(HashChain.canonicalBytes(registered()))))
                .isNotEqualTo(first);
    }

    @Test
    void whoDecidedIsCoveredToo() throws Exception {
        HashChain.Link link = registered();
        HashChain.Link byAnother = new HashChain.Link(link.aggregateId(), link.sequenceNumber(), link.type(),
                link.eventId(), link.timestamp(), link.payload(), "mallory", link.teams(), link.roles(),
                link.correlationId(), link.causationId());

        assertThat(HashChain.hash("", byAnother)).isNotEqualTo(HashChain.hash("", link));
    }

    @Test
    void anIssuerWhenRecordedSitsBesideThePrincipalInTheCanonicalBytes() throws Exception {
        HashChain.Link link = withIssuer(registered(), "https://idp.example.com/realms/mesh");

        assertThat(new String(HashChain.canonicalBytes(link), StandardCharsets.UTF_8))
                .contains("\"issuer\":\"https://idp.example.com/realms/mesh\",\"payload\":")
                .contains("\"principal\":\"alice\",\"roles\"");
    }

    @Test
    void anEventRecordedWithoutAnIssuerHashesAsBeforeIssuersWereKept() throws Exception {
        assertThat(new String(HashChain.canonicalBytes(withIssuer(registered(), null)), StandardCharsets.UTF_8))
                .doesNotContain("issuer")
                .isEqualTo(new String(HashChain.canonicalBytes(registered()), StandardCharsets.UTF_8));
    }

    @Test
    void whoVouchedForTheDeciderIsCoveredAndCannotBeRemoved() throws Exception {
        HashChain.Link issued = withIssuer(registered(), "https://idp.example.com");

        assertThat(HashChain.hash("", withIssuer(registered(), "https://evil.example.com")))
                .isNotEqualTo(HashChain.hash("", issued));
        assertThat(HashChain.hash("", withIssuer(registered(), null))).isNotEqualTo(HashChain.hash("", issued));
    }

    private static HashChain.Link withIssuer(HashChain.Link link, String issuer) {
        return new HashChain.Link(link.aggregateId(), link.sequenceNumber(), link.type(), link.eventId(),
                link.timestamp(), link.payload(), link.principal(), link.teams(), link.roles(), link.correlationId(),
                link.causationId(), issuer);
    }
}
