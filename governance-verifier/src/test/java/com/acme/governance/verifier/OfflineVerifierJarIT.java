package com.acme.governance.verifier;

import com.acme.governance.api.audit.PemKeys;
import com.acme.governance.api.audit.SealedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.acme.governance.api.audit.testing.SealedChains.chain;
import static com.acme.governance.api.audit.testing.SealedChains.digestOf;
import static com.acme.governance.api.audit.testing.SealedChains.interleaved;
import static org.assertj.core.api.Assertions.assertThat;

/** The shaded jar, run as the README says, in a JVM of its own with nothing else on its class path. */
class OfflineVerifierJarIT {

    @TempDir
    Path directory;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run java(Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("verifier.jar")));
        List.of(args).forEach(arg -> command.add(arg.toString()));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the verifier ends").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theJarVerifiesAnExportAgainstASignedDigestAndAnswersWithItsExitCode() throws Exception {
        List<SealedEvent> history = interleaved(chain("sales.orders", 3), chain("logistics.parcels", 2));
        KeyPair keys = PemKeys.generate();
        Path digest = AuditTrailExport.signedDigest(directory, digestOf(history), keys);
        Path key = AuditTrailExport.publicKey(directory, keys);

        Run valid = java("--events", AuditTrailExport.ndjson(directory, history), "--digest", digest,
                "--public-key", key);
        Run truncated = java("--events", AuditTrailExport.ndjson(directory, history.subList(0, 4)),
                "--digest", digest, "--public-key", key);
        Run unusable = java("--events", directory.resolve("absent.ndjson"));

        assertThat(valid).isEqualTo(new Run(0,
                "{\"valid\":true,\"eventsChecked\":5,\"aggregatesChecked\":2,\"firstBroken\":null}\n", ""));
        assertThat(truncated).isEqualTo(new Run(1, "{\"valid\":false,\"eventsChecked\":4,\"aggregatesChecked\":2,"
                + "\"firstBroken\":{\"aggregateId\":\"sales.orders\",\"sequenceNumber\":2,\"reason\":\"head-mismatch\"}}\n",
                ""));
        assertThat(unusable.exitCode()).isEqualTo(2);
        assertThat(unusable.err()).contains("absent.ndjson: cannot be read");
    }
}
