package com.acme.governance.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to run, from {@code --name=value} arguments. Without {@code --url} the harness launches the local stack's
 * jar itself, on free ports and a fresh data directory, and also measures it idle (B8): on its embedded Kafka and
 * MongoDB, or, given {@code --mongo-uri} and {@code --kafka}, on those.
 *
 * @param sizes           history sizes (stored events) at which the scenarios run, in growing order: the growth curve
 * @param clients         the numbers of HTTP clients of the command-mix curve (B1)
 * @param rounds          rounds per measurement; figures are medians of the rounds
 * @param roundSeconds    how long each B1 point runs per round
 * @param limitRecords    records (and documents) of each raw limit measurement
 * @param idleSeconds     how long the idle stack is watched (B8)
 * @param idleWaitSeconds how long B8 waits at most, before it watches, for the load's backlog to drain
 * @param recording       where the launched stack writes a JFR recording of the whole run, if anywhere
 * @param growBeyond      sizes above this many events are reached by copying the history ({@link HistoryCopies})
 *                        rather than through the commands; the first size by default
 * @param catchUpSeconds  how long, after a copy, the harness waits at most for the read side to ingest it
 * @param heap            the launched stack's maximum heap ({@code -Xmx})
 */
public record BenchOptions(List<Integer> sizes, List<Integer> clients, int rounds, int roundSeconds,
                           int limitRecords, int idleSeconds, int idleWaitSeconds, Optional<String> url,
                           Optional<String> mongoUri, Optional<String> kafka, Path jar, Path out,
                           Optional<Path> recording, int growBeyond, int catchUpSeconds, String heap,
                           String command) {

    private static final String DEFAULT_JAR = "deploy/local/target/governance-local-0.1.0-SNAPSHOT.jar";

    public static BenchOptions parse(String... arguments) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String argument : arguments) {
            if (!argument.startsWith("--") || !argument.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + argument);
            }
            given.put(argument.substring(2, argument.indexOf('=')), argument.substring(argument.indexOf('=') + 1));
        }
        boolean tiny = Boolean.parseBoolean(given.remove("tiny"));
        List<Integer> sizes = integers(given.remove("sizes"), tiny ? "200,3000" : "10000,100000,1000000");
        BenchOptions options = new BenchOptions(sizes,
                integers(given.remove("clients"), tiny ? "1,2" : "1,2,4,8,16,32"),
                Integer.parseInt(given.getOrDefault("rounds", tiny ? "1" : "3")),
                Integer.parseInt(given.getOrDefault("round-seconds", tiny ? "2" : "10")),
                Integer.parseInt(given.getOrDefault("limit-records", tiny ? "500" : "20000")),
                Integer.parseInt(given.getOrDefault("idle-seconds", tiny ? "2" : "30")),
                Integer.parseInt(given.getOrDefault("idle-wait-seconds", "600")),
                Optional.ofNullable(given.remove("url")), Optional.ofNullable(given.remove("mongo-uri")),
                Optional.ofNullable(given.remove("kafka")),
                Path.of(given.getOrDefault("jar", DEFAULT_JAR)), Path.of(given.getOrDefault("out", "docs/performance")),
                Optional.ofNullable(given.remove("jfr")).map(Path::of),
                Integer.parseInt(given.getOrDefault("copy-beyond", String.valueOf(sizes.get(0)))),
                Integer.parseInt(given.getOrDefault("catch-up-seconds", "3600")),
                given.getOrDefault("heap", "8g"),
                "java -jar deploy/bench/target/governance-bench.jar " + String.join(" ", arguments));
        given.keySet().removeAll(List.of("rounds", "round-seconds", "limit-records", "idle-seconds",
                "idle-wait-seconds", "jar", "out", "copy-beyond", "catch-up-seconds", "heap"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + given.keySet());
        }
        if (options.url().isPresent() && (options.mongoUri().isEmpty() || options.kafka().isEmpty())) {
            throw new IllegalArgumentException("--url needs --mongo-uri and --kafka too: the limits are measured "
                    + "on the same MongoDB and Kafka the service uses");
        }
        if (options.mongoUri().isPresent() != options.kafka().isPresent()) {
            throw new IllegalArgumentException("--mongo-uri and --kafka go together: the launched stack uses both "
                    + "or neither");
        }
        return options;
    }

    /** The MongoDB and Kafka the launched jar is to use instead of its embedded ones, when given without a URL. */
    public Optional<Stack.Stores> stores() {
        return url.isPresent() ? Optional.empty()
                : mongoUri.flatMap(mongo -> kafka.map(bootstrap -> new Stack.Stores(mongo, bootstrap)));
    }

    private static List<Integer> integers(String given, String fallback) {
        return Arrays.stream((given == null ? fallback : given).split(",")).map(String::trim).map(Integer::parseInt)
                .toList();
    }
}
