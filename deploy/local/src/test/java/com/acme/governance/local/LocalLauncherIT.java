package com.acme.governance.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, for real: the packaged jar starts the whole system, serves the API, ends on a
 * termination signal after shutting Kafka down cleanly, and finds its data again when started on the same
 * directory, idempotency keys included.
 */
class LocalLauncherIT {

    private static final String ALICE = "Basic " + Base64.getEncoder()
            .encodeToString("alice:alice-pw".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    @Test
    void launcherServesTheApiExitsOnSignalAndKeepsItsDataAcrossARestart() throws Exception {
        Path dataDir = workDir.resolve("data");
        LauncherProcess.Ports ports = LauncherProcess.Ports.free();

        LauncherProcess first = LauncherProcess.start(dataDir, ports).awaitHealthy();
        String token;
        try {
            HttpResponse<String> registered = send(first, register(first));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            token = registered.headers().firstValue("X-Governance-Token").orElseThrow();
        } finally {
            boolean ended = first.stop();
            if (!ended) {
                first.kill();
            }
            assertThat(ended).as("the launcher ends on SIGTERM\n" + first.logTail()).isTrue();
        }
        assertThat(dataDir.resolve("kafka/.kafka_cleanshutdown")).as("Kafka was shut down cleanly").exists();
        assertThat(Files.size(dataDir.resolve("mongo.mv"))).isPositive();

        LauncherProcess second = LauncherProcess.start(dataDir, ports).awaitHealthy();
        try {
            HttpResponse<String> read = send(second, HttpRequest.newBuilder(
                            second.uri("/api/v1/data-products/sales.launcher-check"))
                    .header("Authorization", ALICE)
                    .header("X-Governance-Token", token)
                    .GET());
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).contains("written before a restart");
            // the key and its first answer were kept across the restart (ADR 0010): a replay, not a 409 duplicate
            HttpResponse<String> repeated = send(second, register(second));
            assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(201);
            assertThat(repeated.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(repeated.headers().firstValue("X-Governance-Token")).contains(token);
        } finally {
            boolean ended = second.stop();
            if (!ended) {
                second.kill();
            }
            assertThat(ended).as("the launcher ends on SIGTERM\n" + second.logTail()).isTrue();
        }
    }

    private static HttpRequest.Builder register(LauncherProcess launcher) {
        return HttpRequest.newBuilder(launcher.uri("/api/v1/data-products"))
                .header("Authorization", ALICE)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "launcher-check-registration")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"domain": "sales", "name": "launcher-check", "title": "Launcher check",
                         "description": "written before a restart", "ownerTeam": "sales",
                         "classification": "INTERNAL", "tags": [], "outputPorts": []}"""));
    }

    private HttpResponse<String> send(LauncherProcess launcher, HttpRequest.Builder request) throws Exception {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("request failed\n" + launcher.logTail(), e);
        }
    }
}
