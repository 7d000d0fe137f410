package com.acme.governance.local;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One process of a multi-process run: a service's executable jar, or a store's main class on this test's classpath,
 * in its own JVM, its output in {@code target/scale-out/<name>.log} (kept after the run, for whoever must read why
 * it failed). Killed for real: {@link #kill()} is {@code kill -9}.
 */
final class ServiceProcess {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The executable jar that failsafe names in the system property, e.g. {@code governance.command.jar}. */
    static Path jar(String property) {
        String path = System.getProperty(property);
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("run through Maven's integration-test phase: no jar at " + path
                    + " (" + property + ")");
        }
        return Path.of(path);
    }

    /** A service's executable jar on {@code port}, with the given environment and arguments. */
    static ServiceProcess service(String name, Path jar, int port, java.util.Map<String, String> environment,
                                  List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        return start(name, command, environment, port);
    }

    /** A main class of this test's classpath (a store), listening on {@code port}. */
    static ServiceProcess main(String name, Class<?> main, int port, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(arguments));
        return start(name, command, java.util.Map.of(), port);
    }

    private static ServiceProcess start(String name, List<String> command, java.util.Map<String, String> environment,
                                        int port) throws IOException {
        Path logs = Files.createDirectories(Path.of("target", "scale-out"));
        Path log = logs.resolve(name + ".log");
        Files.deleteIfExists(log);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ServiceProcess(name, builder.start(), log, port);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the port takes connections (a store). */
    ServiceProcess awaitListening() {
        awaitAlive(() -> {
            try (Socket ignored = new Socket("localhost", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
        return this;
    }

    /** Waits until {@code /actuator/health} answers UP (a service). */
    ServiceProcess awaitHealthy() {
        awaitAlive(() -> {
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                return health.statusCode() == 200 && health.body().contains("\"UP\"");
            } catch (IOException notListeningYet) {
                return false;
            }
        });
        return this;
    }

    private void awaitAlive(java.util.concurrent.Callable<Boolean> ready) {
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + logTail());
                }
                return ready.call();
            });
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not start\n" + logTail(), e);
        }
    }

    /** kill -9: no shutdown hook runs, nothing is flushed or handed over. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an orchestrator stops a service: whether it ended within its grace period (45 s). */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(45, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String name() {
        return name;
    }

    /** As Axon names the instance that claims a processor's segment: {@code <pid>@<host>}. */
    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
