package com.acme.governance.verifier;

import com.acme.governance.api.audit.ChainVerifier;
import com.acme.governance.api.audit.DigestSignature;
import com.acme.governance.api.audit.InvalidDigestException;
import com.acme.governance.api.audit.PemKeys;
import com.acme.governance.api.audit.VerificationReport;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * Verifies an audit trail export on the auditor's own machine (adr/0022): no server, no database. Prints the
 * report of {@code /audit/verify} as JSON and exits 0 when the history is valid, 1 when it is broken, 2 when the
 * input cannot be judged (the reason on standard error).
 */
public final class OfflineVerifier {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;

    OfflineVerifier(InputStream stdin, PrintStream out, PrintStream err) {
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new OfflineVerifier(System.in, System.out, System.err).run(args).status());
    }

    ExitCode run(String... args) {
        try {
            VerifierArguments arguments = VerifierArguments.parse(args);
            ChainVerifier verifier = arguments.withDigest()
                    ? ChainVerifier.against(DigestSignature.verified(digest(arguments), publicKey(arguments)))
                    : ChainVerifier.withoutDigest();
            try (InputStream export = open(arguments.events(), "--events")) {
                ExportReader.read(export, verifier::accept);
            } catch (IOException e) {
                throw new UnusableInputException("--events " + arguments.events() + ": " + e.getMessage(), e);
            }
            VerificationReport report = verifier.report();
            out.println(JSON.writeValueAsString(report));
            return report.valid() ? ExitCode.VALID : ExitCode.BROKEN;
        } catch (UnusableInputException e) {
            err.println(e.getMessage());
            return ExitCode.UNUSABLE_INPUT;
        } catch (InvalidDigestException e) {
            err.println("--digest: " + e.getMessage());
            return ExitCode.UNUSABLE_INPUT;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report always serializes", e);
        }
    }

    private JsonNode digest(VerifierArguments arguments) throws UnusableInputException {
        try {
            return JSON.readTree(read(arguments.digest(), "--digest"));
        } catch (JsonProcessingException e) {
            throw new UnusableInputException("--digest: not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private PublicKey publicKey(VerifierArguments arguments) throws UnusableInputException {
        try {
            return PemKeys.publicKey(read(arguments.publicKey(), "--public-key"));
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException("--public-key: " + e.getMessage(), e);
        }
    }

    private String read(String source, String option) throws UnusableInputException {
        try (InputStream in = open(source, option)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnusableInputException(option + " " + source + ": " + e.getMessage(), e);
        }
    }

    private InputStream open(String source, String option) throws UnusableInputException {
        if ("-".equals(source)) {
            return stdin;
        }
        try {
            return Files.newInputStream(Path.of(source));
        } catch (IOException | InvalidPathException e) {
            throw new UnusableInputException(option + " " + source + ": cannot be read (" + e + ")", e);
        }
    }
}
