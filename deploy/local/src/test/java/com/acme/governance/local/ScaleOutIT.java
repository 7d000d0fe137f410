package com.acme.governance.local;

import com.acme.governance.local.mongo.LocalMongoMain;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The product scaled out on this machine, every part its own process: a Kafka broker and a MongoDB-wire server
 * (from the Kafka and mongo-java-server jars), two command services and two query services from their executable
 * jars. Concurrent commands go to both command instances, conflicting ones on the same aggregate among them; the
 * instance that relays is killed with {@code kill -9} during the load. Printed and asserted: nothing acknowledged is
 * lost, nothing stored twice, conflicts are 409 or 412 and never 500, every aggregate's events on Kafka complete and
 * in order, the relay and the saga processor owned by one instance at a time and taken over in bounded time, the
 * query instances sharing the partitions and answering the same read models, and read-your-writes on either.
 */
class ScaleOutIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PRODUCTS = 8;
    private static final int WORKERS = 6;
    private static final int OPERATIONS_PER_WORKER = 60;
    /** The relay's instance is killed once this many commands are acknowledged. */
    private static final int KILL_AFTER = 90;
    /** Axon's token claim lapses after 10 s; the survivor's next claim attempt follows within seconds. */
    private static final Duration TAKE_OVER_BOUND = Duration.ofSeconds(45);
    private static final String COMMAND_DATABASE = "governance_events";

    @TempDir
    Path dir;

    private final List<ServiceProcess> processes = new ArrayList<>();

    @AfterEach
    void killEverything() throws InterruptedException {
        for (ServiceProcess process : processes) {
            process.kill();
        }
    }

    @Test
    void twoCommandAndTwoQueryInstancesShareTheWorkAndSurviveTheRelaysInstanceKilled() throws Exception {
        int kafkaPort = FreePort.find();
        int mongoPort = FreePort.find();
        ServiceProcess kafka = track(ServiceProcess.main("kafka", LocalKafkaMain.class, kafkaPort,
                dir.resolve("kafka").toString(), Integer.toString(kafkaPort)));
        ServiceProcess mongo = track(ServiceProcess.main("mongo", LocalMongoMain.class, mongoPort,
                dir.resolve("mongo.mv").toString(), Integer.toString(mongoPort), "false"));
        kafka.awaitListening();
        mongo.awaitListening();
        String bootstrap = "localhost:" + kafkaPort;
        String mongoUri = "mongodb://localhost:" + mongoPort;
        Map<String, String> environment = Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "SPRING_DATA_MONGODB_URI", mongoUri, "SPRING_PROFILES_ACTIVE", "local");

        List<ServiceProcess> commands = new ArrayList<>();
        List<ServiceProcess> queries = new ArrayList<>();
        for (String name : List.of("command-1", "command-2")) {
            commands.add(track(ServiceProcess.service(name, ServiceProcess.jar("governance.command.jar"),
                    FreePort.find(), environment, List.of("--logging.level.org.apache.kafka=WARN"))));
        }
        for (String name : List.of("query-1", "query-2")) {
            queries.add(track(ServiceProcess.service(name, ServiceProcess.jar("governance.query.jar"),
                    FreePort.find(), environment, List.of("--spring.kafka.consumer.client-id=" + name,
                            "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                            "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                            "--logging.level.org.apache.kafka=WARN"))));
        }
        commands.forEach(ServiceProcess::awaitHealthy);
        queries.forEach(ServiceProcess::awaitHealthy);
        for (ServiceProcess service : processes.subList(2, processes.size())) {
            JsonNode components = Load.health(service).path("components");
            assertThat(List.of(components.path("kafka").path("status").asText(),
                    components.path("mongo").path("status").asText())).as(service.name() + " sees Kafka and MongoDB")
                    .containsOnly("UP");
        }
        print("started kafka :%d, mongo :%d, commands :%d :%d, queries :%d :%d", kafkaPort, mongoPort,
                commands.get(0).port(), commands.get(1).port(), queries.get(0).port(), queries.get(1).port());

        Api.Response traced = new Api(commands.get(1).port()).as("alice").post("/api/v1/data-products", """
                {"domain": "sales", "name": "traced", "title": "T", "ownerTeam": "sales",
                 "classification": "INTERNAL", "tags": [], "outputPorts": []}""", "X-Correlation-Id", "scale-out-42");
        assertThat(traced.header("X-Correlation-Id")).contains("scale-out-42");
        assertThat(java.nio.file.Files.readAllLines(Path.of("target", "scale-out", "command-2.log")))
                .as("structured logs: one JSON object per line (ECS)").anySatisfy(line -> assertThat(JSON.readTree(line)
                        .path("service").path("name").asText()).isEqualTo("governance-command"));

        Load load = new Load(commands, queries);
        List<String> products = load.products(PRODUCTS);
        String grant = load.grantOn(products.get(0));

        ServiceProcess relaying = await().atMost(Duration.ofMinutes(1)).until(() -> relayingOf(commands),
                found -> found != null);
        try (MongoClient client = MongoClients.create(mongoUri)) {
            Map<String, String> owners = processorOwners(client);
            print("before the kill: %s relays; processor owners %s (%s is pid %d, %s pid %d)", relaying.name(),
                    owners, commands.get(0).name(), commands.get(0).pid(), commands.get(1).name(),
                    commands.get(1).pid());
            assertThat(owners).as("every processor claimed by an instance").isNotEmpty()
                    .allSatisfy((processor, owner) -> assertThat(owner).matches("\\d+@.+"));
        }

        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        for (int w = 0; w < WORKERS; w++) {
            workers.submit(() -> load.work(OPERATIONS_PER_WORKER, products));
        }
        await().atMost(Duration.ofMinutes(5)).until(() -> load.acknowledged.size() >= KILL_AFTER);
        relaying.kill();
        Instant killed = Instant.now();
        print("kill -9 %s after %d acknowledged commands", relaying.name(), load.acknowledged.size());
        ServiceProcess survivor = commands.get(0) == relaying ? commands.get(1) : commands.get(0);
        await().atMost(TAKE_OVER_BOUND).pollInterval(Duration.ofMillis(250))
                .until(() -> relayingOf(List.of(survivor)) == survivor);
        Duration takeOver = Duration.between(killed, Instant.now());
        print("%s relays %d ms after the kill", survivor.name(), takeOver.toMillis());
        String dead = relaying.pid() + "@";
        try (MongoClient client = MongoClients.create(mongoUri)) {
            await().atMost(TAKE_OVER_BOUND).pollInterval(Duration.ofMillis(250)).until(() -> processorOwners(client)
                    .values().stream().allMatch(owner -> owner.startsWith(survivor.pid() + "@")));
            print("every processor on %s %d ms after the kill: %s", survivor.name(),
                    Duration.between(killed, Instant.now()).toMillis(), processorOwners(client));
        }
        workers.shutdown();
        assertThat(workers.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        load.failures.forEach(failure -> print("worker failure: %s", failure));
        assertThat(load.failures).as("no worker failed").isEmpty();
        print("answers %s; %d sent again to the other instance after a connection was lost",
                new TreeMap<>(load.statuses()), load.resent.sum());
        assertThat(load.statuses().keySet()).as("2xx, or a conflict as 409/412: never 500")
                .isSubsetOf(Set.of("200", "201", "409", "412"));
        assertThat(load.statuses().keySet()).as("the load had conflicts").containsAnyOf("409", "412");

        // the saga, now on the survivor: retiring a product revokes its grant, once
        load.retire(products.get(0), survivor);
        await().atMost(Duration.ofMinutes(1)).until(() -> "REVOKED".equals(
                load.readJson(queries.get(1), "/api/v1/access-grants/" + grant, null).path("status").asText()));

        try (MongoClient client = MongoClients.create(mongoUri)) {
            assertThat(processorOwners(client).values()).as("nothing runs on the dead instance")
                    .noneMatch(owner -> owner.startsWith(dead));
            Map<String, List<Long>> stored = storedSequences(client);
            long events = stored.values().stream().mapToLong(List::size).sum();
            long duplicates = stored.values().stream().mapToLong(s -> s.size() - s.stream().distinct().count()).sum();
            long gaps = stored.values().stream().filter(s -> !isZeroToN(s)).count();
            long lost = load.acknowledged.stream().filter(token -> !stored.getOrDefault(token.aggregate(), List.of())
                    .contains(token.sequence())).count();
            long revocations = countRevocations(client, grant);
            print("event store: %d events of %d aggregates, %d duplicates, %d aggregates with a gap; "
                    + "%d acknowledged commands, %d of them missing; grant revoked %d time(s)", events,
                    stored.size(), duplicates, gaps, load.acknowledged.size(), lost, revocations);
            assertThat(duplicates).isZero();
            assertThat(gaps).isZero();
            assertThat(lost).isZero();
            assertThat(revocations).isEqualTo(1);

            Map<String, List<Long>> onKafka = kafkaSequences(bootstrap, stored);
            long resentOnKafka = onKafka.values().stream().mapToLong(s -> s.size() - s.stream().distinct().count())
                    .sum();
            long outOfOrder = onKafka.values().stream().filter(s -> !firstOccurrencesInOrder(s)).count();
            long missingOnKafka = stored.entrySet().stream().mapToLong(e -> e.getValue().size()
                    - onKafka.getOrDefault(e.getKey(), List.of()).stream().distinct().count()).sum();
            print("kafka: %d records, %d of them sent again (at least once, de-duplicated by sequence), "
                    + "%d aggregates out of order, %d stored events missing", onKafka.values().stream()
                    .mapToLong(List::size).sum(), resentOnKafka, outOfOrder, missingOnKafka);
            assertThat(outOfOrder).isZero();
            assertThat(missingOnKafka).isZero();

            try (GovernanceTopicReader reader = new GovernanceTopicReader(bootstrap)) {
                assertThat(reader.readUntilEveryKeyOf(List.of("sales.traced")).stream()
                        .filter(r -> r.key().equals("sales.traced")).findFirst().orElseThrow())
                        .as("the request's correlation id on its event")
                        .satisfies(r -> assertThat(GovernanceTopicReader.header(r, "ce_correlationid"))
                                .isEqualTo("scale-out-42"));
            }

            Map<String, Set<Integer>> partitions = partitionsByInstance(bootstrap);
            print("query consumer group: partitions by instance %s", partitions);
            assertThat(partitions.keySet()).as("both query instances in the group").hasSize(2);
            assertThat(partitions.values()).allSatisfy(owned -> assertThat(owned).isNotEmpty());

            int compared = 0;
            for (Map.Entry<String, List<Long>> aggregate : stored.entrySet()) {
                if (!products.contains(aggregate.getKey())) {
                    continue;
                }
                String token = aggregate.getKey() + ":" + (aggregate.getValue().size() - 1);
                String path = "/api/v1/data-products/" + aggregate.getKey();
                JsonNode first = load.readJson(queries.get(0), path, token);
                JsonNode second = load.readJson(queries.get(1), path, token);
                assertThat(first.path("version").asLong()).isEqualTo(aggregate.getValue().size());
                assertThat(second).as("both query instances answer the same").isEqualTo(first);
                compared++;
            }
            print("read models: %d products read from both query instances at their last token, equal", compared);
        }
        print("read-your-writes: %s", new TreeMap<>(load.readYourWrites()));
        assertThat(load.readYourWrites().keySet()).as("a read with the token shows the write, at once or when "
                + "asked again as told").isSubsetOf(Set.of("seen", "seen after 503 Retry-After"));
        assertThat(load.readYourWrites().getOrDefault("seen", 0)).isPositive();

        // graceful shutdown: a query instance stopped by SIGTERM leaves the group with its offsets committed, and the
        // other takes its partitions at once; the command instance stopped during a burst answers what it took
        ServiceProcess leaving = queries.get(1);
        assertThat(leaving.stop()).as("query-2 ends on SIGTERM").isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> partitionsByInstance(bootstrap).equals(
                Map.of("query-1", Set.of(0, 1, 2))));
        Map<Integer, Long> behind = committedLag(bootstrap);
        print("query-2 stopped by SIGTERM: query-1 owns every partition; committed offsets behind the log end %s",
                behind);
        assertThat(behind.values()).as("everything applied was committed").containsOnly(0L);

        Load burst = new Load(List.of(survivor), queries.subList(0, 1), 1000);
        ExecutorService senders = Executors.newFixedThreadPool(WORKERS);
        for (int w = 0; w < WORKERS; w++) {
            senders.submit(() -> burst.work(OPERATIONS_PER_WORKER, products.subList(1, products.size())));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> burst.acknowledged.size() >= 20);
        Instant terminated = Instant.now();
        assertThat(survivor.stop()).as("the command instance ends on SIGTERM").isTrue();
        Duration stopping = Duration.between(terminated, Instant.now());
        senders.shutdown();
        assertThat(senders.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            Map<String, List<Long>> stored = storedSequences(client);
            long lost = burst.acknowledged.stream().filter(token -> !stored.getOrDefault(token.aggregate(), List.of())
                    .contains(token.sequence())).count();
            print("%s stopped by SIGTERM in %d ms during a burst: answers %s, %d acknowledged, %d of them missing; "
                    + "then %s", survivor.name(), stopping.toMillis(), new TreeMap<>(burst.statuses()),
                    burst.acknowledged.size(), lost, burst.failures.stream().map(f -> f.split(" at ")[0])
                    .distinct().toList());
            assertThat(lost).isZero();
            assertThat(burst.statuses().keySet()).isSubsetOf(Set.of("200", "201", "409", "412"));
        }
    }

    private ServiceProcess track(ServiceProcess process) {
        processes.add(process);
        return process;
    }

    private static void print(String format, Object... arguments) {
        System.out.println("[scale-out] " + String.format(format, arguments));
    }

    /** The one instance whose health says it relays, null while none does or more than one says so. */
    private static ServiceProcess relayingOf(List<ServiceProcess> commands) {
        List<ServiceProcess> relaying = commands.stream().filter(ServiceProcess::isAlive)
                .filter(command -> Load.health(command).path("components").path("relay").path("details")
                        .path("relaying").asText().equals("here")).toList();
        return relaying.size() == 1 ? relaying.get(0) : null;
    }

    /** Each tracking processor's segment 0 and the instance ("pid@host") that holds its claim. */
    private static Map<String, String> processorOwners(MongoClient client) {
        Map<String, String> owners = new TreeMap<>();
        for (Document token : client.getDatabase(COMMAND_DATABASE).getCollection("trackingtokens").find()) {
            owners.put(token.getString("processorName") + "/" + token.get("segment"),
                    String.valueOf(token.get("owner")));
        }
        return owners;
    }

    private static Map<String, List<Long>> storedSequences(MongoClient client) {
        Map<String, List<Long>> sequences = new HashMap<>();
        for (Document event : client.getDatabase(COMMAND_DATABASE).getCollection("domainevents").find()) {
            sequences.computeIfAbsent(event.getString("aggregateIdentifier"), id -> new ArrayList<>())
                    .add(((Number) event.get("sequenceNumber")).longValue());
        }
        return sequences;
    }

    private static long countRevocations(MongoClient client, String grant) {
        return client.getDatabase(COMMAND_DATABASE).getCollection("domainevents")
                .countDocuments(new Document("aggregateIdentifier", grant)
                        .append("payloadType", "com.acme.governance.api.access.AccessGrantRevoked"));
    }

    private static boolean isZeroToN(List<Long> sequences) {
        List<Long> sorted = sequences.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i) != i) {
                return false;
            }
        }
        return true;
    }

    /** Each sequence's first appearance follows its predecessor's: a re-send may repeat, never reorder or skip. */
    private static boolean firstOccurrencesInOrder(List<Long> sequences) {
        long next = 0;
        for (long sequence : sequences) {
            if (sequence == next) {
                next++;
            } else if (sequence > next) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, List<Long>> kafkaSequences(String bootstrap, Map<String, List<Long>> stored) {
        Map<String, List<Long>> sequences = new HashMap<>();
        try (GovernanceTopicReader reader = new GovernanceTopicReader(bootstrap)) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                reader.poll(seen);
                Map<String, Set<Long>> distinct = new HashMap<>();
                seen.forEach(r -> distinct.computeIfAbsent(r.key(), k -> new java.util.HashSet<>())
                        .add(Long.parseLong(GovernanceTopicReader.header(r, "ce_sequence"))));
                return stored.entrySet().stream().allMatch(e -> distinct.getOrDefault(e.getKey(), Set.of()).size()
                        >= e.getValue().size());
            });
            seen.forEach(r -> sequences.computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(Long.parseLong(GovernanceTopicReader.header(r, "ce_sequence"))));
        }
        return sequences;
    }

    /** The query group's partitions of the governance topic, by the client id of the instance that owns them. */
    private static Map<String, Set<Integer>> partitionsByInstance(String bootstrap) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("governance-query")).all()
                    .get(30, TimeUnit.SECONDS).get("governance-query");
            Map<String, Set<Integer>> owned = new TreeMap<>();
            for (MemberDescription member : group.members()) {
                String instance = member.clientId().startsWith("query-1") ? "query-1"
                        : member.clientId().startsWith("query-2") ? "query-2" : member.clientId();
                member.assignment().topicPartitions().stream()
                        .filter(partition -> partition.topic().equals(GovernanceTopicReader.TOPIC))
                        .forEach(partition -> owned.computeIfAbsent(instance, i -> new java.util.TreeSet<>())
                                .add(partition.partition()));
            }
            return owned;
        }
    }

    /** The query group's committed offset of each partition, as far behind the partition's end. */
    private static Map<Integer, Long> committedLag(String bootstrap) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets("governance-query").partitionsToOffsetAndMetadata()
                            .get(30, TimeUnit.SECONDS);
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
                    new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition,
                    org.apache.kafka.clients.admin.OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            Map<Integer, Long> lag = new TreeMap<>();
            committed.forEach((partition, offset) -> lag.put(partition.partition(),
                    ends.get(partition).offset() - offset.offset()));
            return lag;
        }
    }

    /** An acknowledged command: the event it appended. */
    private record Token(String aggregate, long sequence) {

        static Token parse(String header) {
            int colon = header.lastIndexOf(':');
            return new Token(header.substring(0, colon), Long.parseLong(header.substring(colon + 1)));
        }
    }

    /** The commands sent, as the owner team and a consumer team would, and what they were answered. */
    private static final class Load {

        private final List<ServiceProcess> commands;
        private final List<ServiceProcess> queries;
        private final Map<String, Api.Caller> callers = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> contractVersions = new ConcurrentHashMap<>();
        private final Map<String, AtomicReference<String>> etags = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> reads = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Token> acknowledged = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final LongAdder resent = new LongAdder();
        /** Instances a connection to was lost: the dying one, before its process is seen to be gone. */
        private final Set<Integer> unreachable = ConcurrentHashMap.newKeySet();
        private final AtomicInteger operations = new AtomicInteger();

        /** Contract versions of this load's publications start after this patch number. */
        private final int contractBase;

        Load(List<ServiceProcess> commands, List<ServiceProcess> queries) {
            this(commands, queries, 0);
        }

        Load(List<ServiceProcess> commands, List<ServiceProcess> queries, int contractBase) {
            this.commands = commands;
            this.queries = queries;
            this.contractBase = contractBase;
        }

        List<String> products(int count) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "scale" + i;
                Api.Response registered = send("alice", "POST", "/api/v1/data-products", """
                        {"domain": "sales", "name": "%s", "title": "T", "ownerTeam": "sales",
                         "classification": "INTERNAL", "tags": [], "outputPorts": []}""".formatted(name), null);
                assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
                String id = "sales." + name;
                assertThat(send("alice", "POST", "/api/v1/data-products/" + id + "/publish", null, null).status())
                        .isEqualTo(200);
                contractVersions.put(id, new AtomicInteger());
                ids.add(id);
            }
            return ids;
        }

        /** Bob's team asks for access and Alice approves: the grant's id. */
        String grantOn(String product) {
            Api.Response requested = send("bob", "POST", "/api/v1/access-requests", request(product), null);
            assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
            String id = requested.json().path("id").asText();
            Api.Response approved = send("alice", "POST", "/api/v1/access-requests/" + id + "/approve", null, null);
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            return id;
        }

        /** Deprecated first, as a published product must be, then retired. */
        void retire(String product, ServiceProcess command) {
            for (String step : List.of("deprecate", "retire")) {
                Api.Response answer = new Api(command.port()).as("alice").post("/api/v1/data-products/" + product
                        + "/" + step, "{\"reason\": \"scale-out test\"}", "Idempotency-Key",
                        UUID.randomUUID().toString());
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            }
        }

        void work(int count, List<String> products) {
            try {
                for (int i = 0; i < count; i++) {
                    String product = products.get(ThreadLocalRandom.current().nextInt(products.size()));
                    Api.Response answer = switch (operations.incrementAndGet() % 3) {
                        case 0 -> send("alice", "POST", "/api/v1/data-products/" + product + "/contracts", """
                                {"version": "1.0.%d", "schemaType": "JSON_SCHEMA", "schema": {"type": "object"}}"""
                                .formatted(contractVersions.computeIfAbsent(product, p -> new AtomicInteger(contractBase))
                                .incrementAndGet()), null);
                        case 1 -> send("alice", "PUT", "/api/v1/data-products/" + product, """
                                {"title": "T%d", "classification": "INTERNAL", "tags": [], "outputPorts": []}"""
                                .formatted(i), etags.computeIfAbsent(product, p -> new AtomicReference<>("\"2\""))
                                .get());
                        default -> send("bob", "POST", "/api/v1/access-requests", request(product), null);
                    };
                    if (answer.status() / 100 == 2 && i % 3 == 0) {
                        readYourWrite(answer, product);
                    }
                }
            } catch (RuntimeException | AssertionError e) {
                failures.add(e + " at " + java.util.Arrays.stream(e.getStackTrace())
                        .filter(frame -> frame.getClassName().startsWith("com.acme")).limit(3).toList());
            }
        }

        /** Sent to a live command instance; a lost connection is sent again, with its key, to the other one. */
        private Api.Response send(String person, String method, String path, String body, String ifMatch) {
            String key = UUID.randomUUID().toString();
            UncheckedIOException lastLost = null;
            for (int attempt = 0; ; attempt++) {
                List<ServiceProcess> live = commands.stream().filter(ServiceProcess::isAlive)
                        .filter(command -> !unreachable.contains(command.port())).toList();
                if (live.isEmpty()) {
                    throw lastLost != null ? lastLost : new IllegalStateException("no command instance is up");
                }
                ServiceProcess target = live.get(ThreadLocalRandom.current().nextInt(live.size()));
                Api.Caller caller = callers.computeIfAbsent(person + "@" + target.port(),
                        k -> new Api(target.port()).as(person));
                try {
                    List<String> headers = new ArrayList<>(List.of("Idempotency-Key", key));
                    if (ifMatch != null) {
                        headers.addAll(List.of("If-Match", ifMatch));
                    }
                    String[] sent = headers.toArray(String[]::new);
                    Api.Response answer = switch (method) {
                        case "PUT" -> caller.put(path, body, sent);
                        default -> caller.post(path, body == null ? "" : body, sent);
                    };
                    statuses.computeIfAbsent(Integer.toString(answer.status()), s -> new LongAdder()).increment();
                    answer.header("X-Governance-Token").filter(token -> answer.status() / 100 == 2)
                            .ifPresent(token -> acknowledged.add(Token.parse(token)));
                    if (answer.status() / 100 == 2 && path.startsWith("/api/v1/data-products/")) {
                        String product = path.substring("/api/v1/data-products/".length()).split("/")[0];
                        answer.header("ETag").ifPresent(etag -> etags.computeIfAbsent(product,
                                p -> new AtomicReference<>()).set(etag));
                    }
                    return answer;
                } catch (UncheckedIOException lost) {
                    // a client moves on to the other instance: the same key makes the retry safe
                    unreachable.add(target.port());
                    lastLost = lost;
                    if (attempt >= 3) {
                        throw lost;
                    }
                    resent.increment();
                }
            }
        }

        /**
         * Reads the write back with its token from either query instance. While no instance relays (the take-over
         * after the kill) the read side cannot have it yet and answers 503 with Retry-After; asked again, as the
         * answer says, it must then show the write.
         */
        private void readYourWrite(Api.Response write, String product) {
            Token token = Token.parse(write.header("X-Governance-Token").orElseThrow());
            String path = token.aggregate().equals(product) ? "/api/v1/data-products/" + product
                    : "/api/v1/access-requests/" + token.aggregate();
            ServiceProcess query = queries.get(ThreadLocalRandom.current().nextInt(queries.size()));
            Api.Caller alice = new Api(query.port()).as("alice");
            String header = token.aggregate() + ":" + token.sequence();
            Api.Response read = alice.get(path, "X-Governance-Token", header);
            String outcome = "seen";
            if (read.status() == 503 && read.header("Retry-After").isPresent()) {
                AtomicReference<Api.Response> again = new AtomicReference<>(read);
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> again.updateAndGet(previous -> alice.get(path, "X-Governance-Token", header))
                                .status() != 503);
                read = again.get();
                outcome = "seen after 503 Retry-After";
            }
            boolean seen = path.startsWith("/api/v1/access-requests/")
                    ? read.status() == 200 && read.json().path("id").asText().equals(token.aggregate())
                    : read.status() == 200 && read.json().path("version").asLong() > token.sequence();
            outcome = seen ? outcome : read.status() == 200 ? "stale" : "status " + read.status();
            reads.computeIfAbsent(outcome, o -> new LongAdder()).increment();
        }

        JsonNode readJson(ServiceProcess query, String path, String token) {
            Api.Response read = token == null ? new Api(query.port()).as("alice").get(path)
                    : new Api(query.port()).as("alice").get(path, "X-Governance-Token", token);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            return read.json();
        }

        Map<String, Long> statuses() {
            return statuses.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
        }

        Map<String, Integer> readYourWrites() {
            return reads.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> (int) e.getValue().sum()));
        }

        static JsonNode health(ServiceProcess service) {
            try {
                Api.Response health = new Api(service.port()).as("admin").get("/actuator/health");
                return health.json();
            } catch (RuntimeException unreachable) {
                return JSON.createObjectNode();
            }
        }

        private static String request(String product) {
            return """
                    {"dataProductId": "%s", "consumerTeam": "marketing", "purpose": "scale-out", "durationDays": 7}"""
                    .formatted(product);
        }
    }
}
