package com.acme.governance.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The system under test: its HTTP base URL, the MongoDB and Kafka it uses, and, when the harness launched the
 * local stack's jar itself, that process (so that it can be watched idle and stopped).
 */
public final class Stack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String url;
    private final String mongoUri;
    private final String kafka;
    private final Process process;
    private final Path log;

    private Stack(String url, String mongoUri, String kafka, Process process, Path log) {
        this.url = url;
        this.mongoUri = mongoUri;
        this.kafka = kafka;
        this.process = process;
        this.log = log;
    }

    public static Stack target(String url, String mongoUri, String kafka) {
        return new Stack(url, mongoUri, kafka, null, null);
    }

    /**
     * A MongoDB and a Kafka the launched jar uses instead of its embedded ones.
     *
     * @param mongoUri a connection string (a replica set's, for majority writes)
     * @param kafka    bootstrap servers
     */
    public record Stores(String mongoUri, String kafka) {
    }

    /**
     * Launches the local stack's jar, as the README's run command does, on free ports and a fresh data directory: on
     * its embedded Kafka and MongoDB, or on the given ones (adr/0045). Those have no authorizer the product could
     * write ACLs to, so grants are not provisioned as ACLs there.
     */
    public static Stack launch(Path jar, Path workDir, String heap, Optional<Path> recording, Optional<Stores> stores)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no local stack jar at " + jar + ": build it first, as the README's "
                    + "benchmark command does");
        }
        Files.createDirectories(workDir);
        Path data = Files.createTempDirectory(workDir, "stack-");
        Path log = data.resolveSibling(data.getFileName() + ".log");
        int http = freePort();
        int kafka = freePort();
        int mongo = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseG1GC"));
        // a flight recording of the whole run, for the profile findings: JFR's profiling settings cost a few percent
        recording.ifPresent(file -> command.add("-XX:StartFlightRecording=settings=profile,filename=" + file));
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + http, "--governance.local.data-dir=" + data));
        if (stores.isPresent()) {
            command.addAll(List.of("--governance.local.embedded=false",
                    "--spring.data.mongodb.uri=" + stores.get().mongoUri(),
                    "--spring.kafka.bootstrap-servers=" + stores.get().kafka(),
                    "--governance.command.kafka-acls.enabled=false"));
        } else {
            command.addAll(List.of("--governance.local.kafka-port=" + kafka,
                    "--governance.local.kafka-teams-port=" + freePort(), "--governance.local.mongo-port=" + mongo));
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Stack stack = new Stack("http://localhost:" + http,
                stores.map(Stores::mongoUri).orElse("mongodb://localhost:" + mongo),
                stores.map(Stores::kafka).orElse("localhost:" + kafka), process, log);
        stack.awaitHealthy();
        return stack;
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the local stack exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(url
                        + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            process.waitFor(500, TimeUnit.MILLISECONDS);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the local stack did not become healthy in " + START_TIMEOUT + "; see " + log);
    }

    public String url() {
        return url;
    }

    public String mongoUri() {
        return mongoUri;
    }

    public String kafka() {
        return kafka;
    }

    /** The stack's process, when the harness launched it. */
    public Optional<ProcessHandle> process() {
        return Optional.ofNullable(process).map(Process::toHandle);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
