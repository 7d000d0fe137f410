package com.acme.governance.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.acme.governance.local.mongo.LocalMongoMain;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's promise, proven with a real crash: the MongoDB-wire server runs as its own process, eight
 * clients insert as fast as it answers, the process is killed with {@code kill -9} mid-load, and after a restart on
 * the same file every insert that had been acknowledged is there.
 */
class DurableLocalMongoIT {

    private static final int CLIENTS = 8;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedInsertSurvivesKillMinus9() throws Exception {
        Path file = dir.resolve("mongo.mv");
        int port = FreePort.find();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Process server = startServer(file, port);
        try (MongoClient client = client(port)) {
            MongoCollection<Document> events = client.getDatabase("durability").getCollection("events");
            events.insertOne(new Document("_id", "warm-up"));
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int clientNo = c;
                clients.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String id = clientNo + "-" + i;
                        try {
                            events.insertOne(new Document("_id", id).append("payload", "x".repeat(1024)));
                            acknowledged.add(id);
                        } catch (RuntimeException killed) {
                            return;
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 2_000);
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: nothing gets to flush
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        Process restarted = startServer(file, port);
        try (MongoClient client = client(port)) {
            Set<String> stored = new HashSet<>();
            client.getDatabase("durability").getCollection("events").find()
                    .forEach(document -> stored.add(document.getString("_id")));
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            System.out.printf("DurableLocalMongoIT: acknowledged %d, stored after kill -9 and restart %d, lost %d%n",
                    acknowledged.size(), stored.size() - 1, lost.size());
            assertThat(lost).as("acknowledged inserts missing after kill -9").isEmpty();
        } finally {
            restarted.destroy();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://localhost:" + port))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.readTimeout(5, TimeUnit.SECONDS))
                .build());
    }

    private Process startServer(Path file, int port) throws IOException {
        Path log = dir.resolve("mongo-" + System.nanoTime() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LocalMongoMain.class.getName(), file.toString(), Integer.toString(port)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the store exited:\n" + Files.readString(log));
                }
                return Files.readString(log).contains("LocalMongo ready");
            });
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return process;
    }
}
