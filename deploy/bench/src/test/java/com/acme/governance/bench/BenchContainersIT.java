package com.acme.governance.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same harness with the local stack's jar on a real MongoDB (a one-member replica set, so majority writes and
 * transactions mean what they mean in production) and a real Kafka broker, from their images (adr/0045). Skipped
 * where no Docker engine runs, as on this project's CI machine.
 *
 * <p>By default it runs at the smoke test's tiny sizes. Figures for production are produced by passing the
 * harness's own options, e.g.
 * {@code -Dgovernance.bench.args="--sizes=10000,100000 --out=docs/performance/containers"}: see the README's
 * "Benchmarks" section.
 */
@Testcontainers(disabledWithoutDocker = true)
class BenchContainersIT {

    @Container
    private static final MongoDBContainer MONGO = new MongoDBContainer(DockerImageName.parse("mongo:7.0"));

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer(DockerImageName.parse("apache/kafka:3.9.1"));

    @Test
    void theHarnessRunsOnRealMongoDbAndKafka(@TempDir Path out) throws Exception {
        String jar = System.getProperty("governance.local.jar");
        assertThat(jar).as("the local stack's jar, built before this module").isNotNull();
        List<String> arguments = new ArrayList<>(List.of("--jar=" + jar, "--mongo-uri=" + MONGO.getReplicaSetUrl(),
                "--kafka=" + KAFKA.getBootstrapServers()));
        String given = System.getProperty("governance.bench.args", "").trim();
        arguments.addAll(given.isEmpty() ? List.of("--tiny=true") : Arrays.asList(given.split("\\s+")));
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--out="))) {
            arguments.add("--out=" + out);
        }

        Path report = new Bench(BenchOptions.parse(arguments.toArray(String[]::new))).run();

        String markdown = Files.readString(report);
        assertThat(markdown).as("the report says what it ran on").contains("on MongoDB " + MONGO.getReplicaSetUrl());
        for (String scenario : new String[] {"| B1 |", "| B2 |", "| B3 |", "| B4 |", "| B5 |", "| B6 |", "B8"}) {
            assertThat(markdown).as(scenario).contains(scenario);
        }
        assertThat(markdown).as("every chain verified valid").doesNotContain("INVALID");
    }
}
