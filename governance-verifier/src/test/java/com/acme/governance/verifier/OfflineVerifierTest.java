package com.acme.governance.verifier;

import com.acme.governance.api.audit.PemKeys;
import com.acme.governance.api.audit.SealedEvent;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

import static com.acme.governance.api.audit.testing.SealedChains.chain;
import static com.acme.governance.api.audit.testing.SealedChains.digestOf;
import static com.acme.governance.api.audit.testing.SealedChains.interleaved;
import static com.acme.governance.api.audit.testing.SealedChains.withPayload;
import static com.acme.governance.api.audit.testing.SealedChains.withIssuer;
import static com.acme.governance.verifier.AuditTrailExport.ndjson;
import static com.acme.governance.verifier.AuditTrailExport.publicKey;
import static com.acme.governance.verifier.AuditTrailExport.signedDigest;
import static com.acme.governance.verifier.AuditTrailExport.write;
import static org.assertj.core.api.Assertions.assertThat;

class OfflineVerifierTest {

    @TempDir
    Path directory;

    private final List<SealedEvent> history = interleaved(chain("sales.orders", 3), chain("sales.invoices", 2));
    private final KeyPair keys = PemKeys.generate();

    private record Outcome(ExitCode code, String out, String err) {
    }

    private static Outcome run(InputStream stdin, Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExitCode code = new OfflineVerifier(stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args).stream().map(String::valueOf).toArray(String[]::new));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Outcome run(Object... args) {
        return run(InputStream.nullInputStream(), args);
    }

    @Test
    void anUntouchedExportIsValidWithItsCounts() {
        assertThat(run("--events", ndjson(directory, history))).isEqualTo(new Outcome(ExitCode.VALID,
                "{\"valid\":true,\"eventsChecked\":5,\"aggregatesChecked\":2,\"firstBroken\":null}\n", ""));
    }

    @Test
    void aHandWrittenLineVerifiesWithTheHashAnotherLanguageComputedFromAdr0022() {
        // hash computed by the Python steps of adr/0022, not by our code: the time truncated to milliseconds,
        // principal and causation null, keys sorted at every level, non-ASCII raw; made before issuers were kept
        // (adr/0032), so the line has no issuer field and its hash covers none
        String line = "{\"eventId\":\"e-1\",\"aggregateId\":\"sales.orders\",\"aggregateType\":\"DataProduct\","
                + "\"sequence\":0,\"type\":\"governance.dataproduct.registered.v1\",\"revision\":null,"
                + "\"time\":\"2026-12-02T10:15:30.123456Z\",\"principal\":null,\"teams\":[],\"roles\":[\"SYSTEM\"],"
                + "\"correlationId\":\"c-1\",\"causationId\":null,"
                + "\"hash\":\"a0998351c5c61669ba6194cdcce61f91b3a5e163c741ec6aa4b2ee30b4ab6e08\",\"previousHash\":\"\","
                + "\"payload\":{\"title\":\"Bestellungen \u00fc\",\"domain\":\"sales\","
                + "\"ports\":[{\"name\":\"events\",\"kind\":\"KAFKA_TOPIC\"}]}}\n";

        assertThat(run("--events", write(directory.resolve("one.ndjson"), line)).code()).isEqualTo(ExitCode.VALID);
    }

    @Test
    void theExportIsReadFromStandardInputToo() throws Exception {
        byte[] export = Files.readAllBytes(ndjson(directory, history));

        assertThat(run(new ByteArrayInputStream(export), "--events", "-").code()).isEqualTo(ExitCode.VALID);
    }

    @Test
    void aChangedPayloadIsReportedWithItsAggregateSequenceAndReason() {
        List<SealedEvent> tampered = new ArrayList<>(history);
        tampered.set(2, withPayload(history.get(2), JsonNodeFactory.instance.objectNode().put("step", 7)));

        assertThat(run("--events", ndjson(directory, tampered))).isEqualTo(new Outcome(ExitCode.BROKEN,
                "{\"valid\":false,\"eventsChecked\":5,\"aggregatesChecked\":2,\"firstBroken\":{\"aggregateId\":"
                        + "\"sales.orders\",\"sequenceNumber\":1,\"reason\":\"hash-mismatch\"}}\n", ""));
    }

    @Test
    void anIssuerChangedOrRemovedInTheExportIsAHashMismatch() {
        for (String issuer : new String[] {"https://login.evil.example", null}) {
            List<SealedEvent> tampered = new ArrayList<>(history);
            tampered.set(2, withIssuer(history.get(2), issuer));

            assertThat(run("--events", ndjson(directory, tampered)).out()).as(String.valueOf(issuer))
                    .contains("\"sequenceNumber\":1,\"reason\":\"hash-mismatch\"");
        }
    }

    @Test
    void anUntouchedExportIsValidAgainstItsSignedDigest() {
        assertThat(run("--events", ndjson(directory, history), "--digest",
                signedDigest(directory, digestOf(history), keys), "--public-key", publicKey(directory, keys)).code())
                .isEqualTo(ExitCode.VALID);
    }

    @Test
    void aDeletedLastEventIsAHeadMismatchAgainstTheDigest() {
        Path digest = signedDigest(directory, digestOf(history), keys);

        Outcome outcome = run("--events", ndjson(directory, history.subList(0, 4)), "--digest", digest,
                "--public-key", publicKey(directory, keys));

        assertThat(outcome.code()).isEqualTo(ExitCode.BROKEN);
        assertThat(outcome.out()).contains("\"firstBroken\":{\"aggregateId\":\"sales.orders\",\"sequenceNumber\":2,"
                + "\"reason\":\"head-mismatch\"}");
    }

    @Test
    void aMalformedLineIsUnusableInputNamedByItsNumber() {
        Path export = ndjson(directory, history);
        List<String> lines = new ArrayList<>(readLines(export));
        lines.set(2, lines.get(2).replace("\"sequence\":1", "\"sequence\":\"one\""));
        write(export, String.join("\n", lines));

        assertThat(run("--events", export)).isEqualTo(new Outcome(ExitCode.UNUSABLE_INPUT, "",
                "line 3: sequence: a whole number, 0 or more\n"));
    }

    @Test
    void aLineThatIsNotJsonIsUnusableInput() {
        Path export = write(directory.resolve("broken.ndjson"),
                AuditTrailExport.line(history.get(0)) + "\n{\"eventId\": \n");

        Outcome outcome = run("--events", export);

        assertThat(outcome.code()).isEqualTo(ExitCode.UNUSABLE_INPUT);
        assertThat(outcome.err()).startsWith("line 2: not JSON");
    }

    @Test
    void aKeyGivenTwiceOnALineIsUnusableInput() {
        String line = AuditTrailExport.line(history.get(0));
        Path export = write(directory.resolve("twice.ndjson"), line.replace("{", "{\"hash\":\"x\",") + "\n");

        assertThat(run("--events", export).err()).startsWith("line 1: not JSON (Duplicate field 'hash')");
    }

    @Test
    void bytesThatAreNotUtf8AreUnusableInput() throws Exception {
        Path export = directory.resolve("latin1.ndjson");
        Files.write(export, "{\"principal\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(run("--events", export).err()).startsWith("line 1: cannot be read as UTF-8 text");
    }

    @Test
    void aMissingFileIsUnusableInput() {
        Outcome outcome = run("--events", directory.resolve("absent.ndjson"));

        assertThat(outcome.code()).isEqualTo(ExitCode.UNUSABLE_INPUT);
        assertThat(outcome.err()).startsWith("--events " + directory.resolve("absent.ndjson") + ": cannot be read");
    }

    @Test
    void aDigestSignedByAnotherKeyIsUnusableInput() {
        Path digest = signedDigest(directory, digestOf(history), PemKeys.generate());

        Outcome outcome = run("--events", ndjson(directory, history), "--digest", digest,
                "--public-key", publicKey(directory, keys));

        assertThat(outcome.code()).isEqualTo(ExitCode.UNUSABLE_INPUT);
        assertThat(outcome.err()).startsWith("--digest: keyId: the digest was signed by key ");
    }

    @Test
    void aForgedDigestSignatureIsUnusableInput() {
        Path digest = signedDigest(directory, digestOf(history), keys);
        String json = readString(digest);
        write(digest, json.replace("\"eventCount\" : 5", "\"eventCount\" : 4"));

        assertThat(run("--events", ndjson(directory, history), "--digest", digest,
                "--public-key", publicKey(directory, keys))).isEqualTo(new Outcome(ExitCode.UNUSABLE_INPUT, "",
                "--digest: signature: does not verify with the public key given\n"));
    }

    @Test
    void aPublicKeyThatIsNoPemKeyIsUnusableInput() {
        Path key = write(directory.resolve("key.pem"), "not a key");

        assertThat(run("--events", ndjson(directory, history), "--digest",
                signedDigest(directory, digestOf(history), keys), "--public-key", key).err())
                .isEqualTo("--public-key: no PEM block 'PUBLIC KEY'\n");
    }

    @Test
    void aDigestWithoutItsKeyOrAnUnknownOptionIsUnusableInput() {
        assertThat(run("--events", "x", "--digest", "d.json").err()).startsWith("a digest is only worth its signature");
        assertThat(run("--evnts", "x").err()).startsWith("unknown option --evnts\nusage: java -jar");
        assertThat(run().err()).startsWith("--events is required");
        assertThat(run("--events").code()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    }

    private static List<String> readLines(Path file) {
        return List.of(readString(file).split("\n"));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
