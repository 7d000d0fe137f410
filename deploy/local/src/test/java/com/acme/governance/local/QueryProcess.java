package com.acme.governance.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A {@link QueryNode} in a separate JVM on this test's classpath without the command side (no Axon, no command
 * module: the query side as it is deployed on its own), pointed at a Kafka bootstrap, with its own store.
 */
final class QueryProcess {

    private final Process process;
    private final Path log;
    private final Path counts;
    private final int mongoPort;

    private QueryProcess(Process process, Path log, Path counts, int mongoPort) {
        this.process = process;
        this.log = log;
        this.counts = counts;
        this.mongoPort = mongoPort;
    }

    /**
     * @param store {@code h2:<file>} or {@code memory}
     * @param name  names the log and counts files in {@code dir}
     */
    static QueryProcess start(Path dir, String name, String bootstrapServers, String store, int mongoPort, String group,
                              String database) throws IOException {
        return start(dir, name, bootstrapServers, store, mongoPort, group, database, null, List.of());
    }

    /**
     * @param httpPort where it serves the REST API, with the local users; null for no web server at all
     * @param settings more Spring arguments, e.g. {@code --governance.query.rebuild.lease=3s}
     */
    static QueryProcess start(Path dir, String name, String bootstrapServers, String store, int mongoPort, String group,
                              String database, Integer httpPort, List<String> settings) throws IOException {
        List<String> options = new ArrayList<>(List.of("--node.mongo=" + store, "--node.mongo-port=" + mongoPort));
        options.addAll(httpPort == null ? List.of("--spring.main.web-application-type=none")
                : List.of("--server.port=" + httpPort, "--spring.profiles.active=local"));
        options.addAll(ingestion(bootstrapServers, group, database));
        options.addAll(settings);
        return launch(dir, name, "384m", options, mongoPort);
    }

    /**
     * The query service as it serves clients, on {@code httpPort} with the local users, its heap capped at
     * {@code maxHeap} and its store elsewhere (at {@code mongoPort} on this host), so the cap holds the service alone.
     */
    static QueryProcess serving(Path dir, String name, String bootstrapServers, int mongoPort, String group,
                                String database, String maxHeap, int httpPort) throws IOException {
        List<String> options = new ArrayList<>(List.of("--node.mongo=" + QueryNode.EXTERNAL,
                "--spring.data.mongodb.uri=mongodb://localhost:" + mongoPort,
                "--server.port=" + httpPort, "--spring.profiles.active=local"));
        options.addAll(ingestion(bootstrapServers, group, database));
        return launch(dir, name, maxHeap, options, mongoPort);
    }

    private static List<String> ingestion(String bootstrapServers, String group, String database) {
        return List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--governance.query.consumer-group=" + group,
                "--governance.query.mongo-database=" + database,
                "--governance.query.consumer-concurrency=3",
                // longer than the store's commit delay (1 s), short enough that a stored position is used
                "--governance.query.ingestion.resume-margin=2s",
                // a killed member's partitions go to its successor after 6 s (the broker's minimum), not 45 s
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                "--logging.level.org.apache.kafka=WARN",
                "--logging.level.de.bwaldvogel.mongo=WARN",
                "--logging.level.org.mongodb.driver=WARN");
    }

    private static QueryProcess launch(Path dir, String name, String maxHeap, List<String> options, int mongoPort)
            throws IOException {
        // The logs outlive the test's temporary directory, for whoever has to read why it failed.
        Path logs = Files.createDirectories(Path.of("target", "query-processes"));
        Path log = logs.resolve(dir.getFileName() + "-" + name + ".log");
        Path counts = dir.resolve(name + ".counts");
        Files.deleteIfExists(counts);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1",
                "-cp", queryClasspath(), QueryNode.class.getName(), "--node.counts=" + counts));
        command.addAll(options);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new QueryProcess(process, log, counts, mongoPort);
    }

    /**
     * This test JVM's classpath without the command side and Axon's runtime: only the two Axon jars that the
     * contract's annotations ({@code @Revision}, {@code @TargetAggregateIdentifier}) come from stay, as in the query
     * module's own dependencies.
     */
    static String queryClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("governance-command"))
                .filter(entry -> !entry.contains("axon") || entry.contains("axon-messaging")
                        || entry.contains("axon-modelling"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    String mongoUri() {
        return "mongodb://localhost:" + mongoPort;
    }

    /** kill -9: no shutdown hook, no final commit of the store. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits for the process to end. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** applied and duplicate as last reported by the process, {0, 0} before its first report. */
    long[] counts() {
        try {
            if (!Files.exists(counts)) {
                return new long[]{0, 0};
            }
            String line = Files.readString(counts).trim();
            long[] values = new long[2];
            for (String part : line.split(" ")) {
                String[] pair = part.split("=");
                values[pair[0].equals("applied") ? 0 : 1] = Long.parseLong(pair[1]);
            }
            return values;
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
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
