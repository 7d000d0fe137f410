package com.acme.governance.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The offline verifier's jar, run in a JVM of its own as an auditor runs it (README), over files in a directory. */
record OfflineVerifierRun(int exitCode, JsonNode report, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static OfflineVerifierRun of(Path directory, List<String> exportLines, String digestJson, String publicKeyPem)
            throws IOException, InterruptedException {
        Path events = Files.write(Files.createTempFile(directory, "export", ".ndjson"), exportLines);
        Path digest = Files.writeString(Files.createTempFile(directory, "digest", ".json"), digestJson);
        Path key = Files.writeString(Files.createTempFile(directory, "key", ".pem"), publicKeyPem);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("verifier.jar"), "--events", events.toString(),
                "--digest", digest.toString(), "--public-key", key.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the offline verifier did not end within 60 s");
        }
        return new OfflineVerifierRun(process.exitValue(), out.isBlank() ? null : JSON.readTree(out), err);
    }

    JsonNode firstBroken() {
        return report == null ? null : report.path("firstBroken");
    }
}
