package com.acme.governance.local;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged launcher jar running as a separate JVM, exactly as the README's run command starts it, on free
 * ports and a given data directory. Its output goes to a log file beside the data, shown when it misbehaves.
 */
final class LauncherProcess {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int httpPort;

    private LauncherProcess(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /** The jar that {@code package} built; failsafe passes its path. */
    static Path jar() {
        String path = System.getProperty("governance.local.jar");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("run through Maven's integration-test phase: no launcher jar at " + path);
        }
        return Path.of(path);
    }

    static LauncherProcess start(Path dataDir, Ports ports, String... arguments) throws IOException {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-launcher.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar().toString(),
                "--server.port=" + ports.http(),
                "--governance.local.data-dir=" + dataDir,
                "--governance.local.kafka-port=" + ports.kafka(),
                "--governance.local.mongo-port=" + ports.mongo()));
        if (List.of(arguments).stream().noneMatch(argument -> argument.startsWith("--governance.local.kafka-teams-port="))) {
            // not the default 9093: launchers of several tests, and a developer's own stack, may run at once
            command.add("--governance.local.kafka-teams-port=" + FreePort.find());
        }
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new LauncherProcess(process, log, ports.http());
    }

    /** Waits until the health endpoint answers UP, or fails with the launcher's log if it exited or timed out. */
    LauncherProcess awaitHealthy() {
        HttpClient client = HttpClient.newHttpClient();
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the launcher exited with " + process.exitValue() + "\n" + logTail());
                }
                try {
                    HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return health.statusCode() == 200 && health.body().contains("\"UP\"");
                } catch (IOException notListeningYet) {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not become healthy\n" + logTail(), e);
        }
        return this;
    }

    /**
     * Sends SIGTERM, which runs the same JVM shutdown path as Ctrl-C's SIGINT (a child of a test JVM may have
     * SIGINT ignored, so it is not used here), and waits for the process to end.
     *
     * @return whether the process ended in time
     */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Last resort for a failed test: never leave a JVM holding the ports behind. */
    void kill() {
        process.destroyForcibly();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + httpPort + path);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no launcher log: " + e.getMessage() + ")";
        }
    }

    /** The last lines of the launcher's log that contain the pattern, for a failure that its tail does not explain. */
    String logLinesFinding(String pattern) {
        try {
            java.util.regex.Pattern wanted = java.util.regex.Pattern.compile(pattern);
            List<String> lines = Files.readAllLines(log).stream().filter(line -> wanted.matcher(line).find()).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no launcher log: " + e.getMessage() + ")";
        }
    }

    record Ports(int http, int kafka, int mongo) {

        static Ports free() {
            return new Ports(FreePort.find(), FreePort.find(), FreePort.find());
        }
    }
}
