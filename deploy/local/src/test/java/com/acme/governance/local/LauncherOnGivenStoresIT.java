package com.acme.governance.local;

import com.acme.governance.local.mongo.DurableH2Backend;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar with {@code governance.local.embedded=false} (adr/0045): it starts no broker and no store of its
 * own, decides on the Kafka and MongoDB it is given (here a broker and a store of this test's JVM), and still ends on
 * a termination signal.
 */
class LauncherOnGivenStoresIT {

    private static final String ALICE = "Basic " + Base64.getEncoder()
            .encodeToString("alice:alice-pw".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    @Test
    void theJarUsesTheGivenKafkaAndMongoDbAndNoneOfItsOwn() throws Exception {
        LocalKafkaBroker broker = new LocalKafkaBroker(dir.resolve("given-kafka"), FreePort.find());
        MongoServer store = new MongoServer(DurableH2Backend.open(dir.resolve("given-mongo.mv"), false));
        int mongoPort = FreePort.find();
        store.bind("localhost", mongoPort);
        broker.start();
        Path dataDir = dir.resolve("data");
        LauncherProcess launcher = null;
        try {
            launcher = LauncherProcess.start(dataDir, LauncherProcess.Ports.free(), "--governance.local.embedded=false",
                    "--spring.data.mongodb.uri=mongodb://localhost:" + mongoPort,
                    "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                    "--governance.command.kafka-acls.enabled=false").awaitHealthy();

            HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            launcher.uri("/api/v1/data-products"))
                    .header("Authorization", ALICE).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"domain": "sales", "name": "given-stores", "title": "Given stores",
                             "description": "decided on the stores it was given", "ownerTeam": "sales",
                             "classification": "INTERNAL", "tags": [], "outputPorts": []}""")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            HttpResponse<String> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            launcher.uri("/api/v1/data-products/sales.given-stores"))
                    .header("Authorization", ALICE)
                    .header("X-Governance-Token", registered.headers().firstValue("X-Governance-Token").orElseThrow())
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);

            try (MongoClient given = MongoClients.create("mongodb://localhost:" + mongoPort)) {
                assertThat(given.getDatabase("governance_events").getCollection("domainevents")
                        .countDocuments(Filters.eq("aggregateIdentifier", "sales.given-stores")))
                        .as("the decision is in the given store").isEqualTo(1);
            }
            assertThat(dataDir.resolve("mongo.mv")).as("no embedded store").doesNotExist();
            assertThat(dataDir.resolve("kafka")).as("no embedded broker").doesNotExist();
        } finally {
            if (launcher != null) {
                boolean ended = launcher.stop();
                if (!ended) {
                    launcher.kill();
                }
                assertThat(ended).as("the launcher ends on SIGTERM\n" + launcher.logTail()).isTrue();
            }
            broker.stop();
            store.shutdownNow();
        }
    }
}
