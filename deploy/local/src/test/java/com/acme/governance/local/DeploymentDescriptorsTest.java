package com.acme.governance.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment descriptors are valid and say what production needs, checked offline. deploy/compose.yaml is
 * validated against the Compose Specification's JSON Schema, and every document under deploy/k8s against the strict
 * Kubernetes JSON Schema of its apiVersion and kind, Gateway API's HTTPRoute included (deploy/schemas/README.md says
 * where each schema comes from); no schema is fetched, and a kind without a schema fails. The validation is shown to
 * catch real mistakes: a misspelt field, a wrong type, an unknown method and an unknown Compose key are each rejected.
 * Then the settings that matter: two command and two query instances in both, a Kafka cluster that keeps three copies
 * and acknowledges on two, a MongoDB replica set written by majority, readiness health checks and graceful stops, the
 * reads going to the query side and the writes to the command side (in the HTTPRoute and in the compose gateway), the
 * images being the ones that Jib builds, and a kustomization that names every manifest.
 */
class DeploymentDescriptorsTest {

    private static final Path DEPLOY = Path.of("..").toAbsolutePath().normalize();
    private static final Path K8S = DEPLOY.resolve("k8s");
    private static final Path SCHEMAS = DEPLOY.resolve("schemas");
    private static final Path COMPOSE = DEPLOY.resolve("compose.yaml");
    private static final Path NGINX = DEPLOY.resolve("gateway").resolve("nginx.conf");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry KUBERNETES_SCHEMA_REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            registry -> registry.schemaLoader(loader -> loader.fetchRemoteResources(false)));
    /**
     * The Compose schema declares draft 2019-09 but still carries draft 4's "id" beside its definitions, which 2019-09
     * no longer knows and which says nothing about a document: an annotation, as validators of that draft treat an
     * unknown keyword (the validator used here would refuse the whole schema otherwise).
     */
    private static final SchemaRegistry COMPOSE_SCHEMA_REGISTRY = SchemaRegistry.withDialect(
            Dialect.builder(Dialects.getDraft201909()).keyword(new NonValidationKeyword("id")).build(),
            registry -> registry.schemaLoader(loader -> loader.fetchRemoteResources(false)));
    private static final Map<String, Schema> KUBERNETES_SCHEMAS = new ConcurrentHashMap<>();
    private static final Set<String> SIDES = Set.of("governance-command", "governance-query");
    private static final String LIVENESS = "{httpGet: {path: /actuator/health/liveness, port: http}}";

    // ---- schema validation

    @Test
    void theComposeFileIsValidAgainstTheComposeSpecification() throws IOException {
        assertThat(composeProblems(compose())).isEmpty();
    }

    @Test
    void everyKubernetesManifestIsValidAgainstTheSchemaOfItsKind() throws IOException {
        List<String> problems = new ArrayList<>();
        int documents = 0;
        for (Path manifest : kubernetesManifests()) {
            for (JsonNode document : documentsOf(Files.readString(manifest))) {
                documents++;
                String where = manifest.getFileName() + " " + document.path("kind").asText() + " "
                        + document.at("/metadata/name").asText() + ": ";
                kubernetesProblems(document).forEach(problem -> problems.add(where + problem));
            }
        }

        assertThat(problems).isEmpty();
        assertThat(documents).isGreaterThanOrEqualTo(12);
    }

    @Test
    void theDeploymentThatTheMistakesSpoilIsValidAsWritten() {
        assertThat(kubernetesProblems(deployment("replicas: 2", "livenessProbe: " + LIVENESS))).isEmpty();
    }

    @Test
    void aMisspeltDeploymentFieldIsRejected() {
        JsonNode deployment = deployment("replica: 2", "livenessProbe: " + LIVENESS);

        assertThat(kubernetesProblems(deployment)).anySatisfy(problem -> assertThat(problem).contains("'replica'"));
    }

    @Test
    void aMisspeltFieldDeepInsideThePodTemplateIsRejected() {
        JsonNode deployment = deployment("replicas: 2", "livenesProbe: " + LIVENESS);

        assertThat(kubernetesProblems(deployment)).anySatisfy(problem -> assertThat(problem).contains("'livenesProbe'"));
    }

    @Test
    void aWrongTypeIsRejected() {
        JsonNode deployment = deployment("replicas: two", "livenessProbe: " + LIVENESS);

        assertThat(kubernetesProblems(deployment)).anySatisfy(problem -> assertThat(problem).startsWith("/spec/replicas"));
    }

    @Test
    void anHttpRouteMethodThatDoesNotExistIsRejected() {
        JsonNode route = onlyDocument("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: governance}
                spec:
                  parentRefs: [{name: governance-gateway}]
                  rules:
                    - matches: [{path: {type: PathPrefix, value: /api/v1}, method: FETCH}]
                      backendRefs: [{name: governance-query, port: 80}]
                """);

        assertThat(kubernetesProblems(route)).anySatisfy(problem -> assertThat(problem).contains("/method"));
    }

    @Test
    void anUnknownComposeServiceKeyIsRejected() {
        JsonNode composeFile = onlyDocument("""
                services:
                  governance-command:
                    image: registry.example.com/acme/governance-command:0.1.0
                    restart_policy: always
                """);

        assertThat(composeProblems(composeFile)).anySatisfy(problem -> assertThat(problem).contains("'restart_policy'"));
    }

    // ---- compose: the settings that matter

    @Test
    void composeRunsTwoInstancesOfEachSideBehindOneGatewayPort() throws IOException {
        JsonNode services = compose().path("services");

        for (String side : SIDES) {
            assertThat(services.at("/" + side + "/deploy/replicas").asInt()).as(side).isEqualTo(2);
        }
        assertThat(texts(services.at("/gateway/ports"))).containsExactly("8080:8080");
        assertThat(texts(services.at("/gateway/volumes"))).contains("./gateway/nginx.conf:/etc/nginx/nginx.conf:ro");
        List<String> published = new ArrayList<>();
        services.fields().forEachRemaining(service -> {
            if (service.getValue().has("ports")) {
                published.add(service.getKey());
            }
        });
        assertThat(published).containsExactly("gateway");
    }

    @Test
    void composeKafkaKeepsThreeCopiesAndAcknowledgesAWriteOnTwo() throws IOException {
        JsonNode services = compose().path("services");
        List<JsonNode> brokers = servicesWithImage(services, "apache/kafka:");

        assertThat(brokers).hasSize(3);
        assertThat(brokers).map(broker -> broker.at("/environment/KAFKA_NODE_ID").asInt())
                .containsExactlyInAnyOrder(1, 2, 3);
        for (JsonNode broker : brokers) {
            JsonNode environment = broker.path("environment");
            assertThat(environment.path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
            assertThat(environment.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText())
                    .isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
            assertThat(environment.path("KAFKA_DEFAULT_REPLICATION_FACTOR").asInt()).isEqualTo(3);
            assertThat(environment.path("KAFKA_MIN_INSYNC_REPLICAS").asInt()).isEqualTo(2);
            assertThat(environment.path("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").asInt()).isEqualTo(3);
            assertThat(environment.path("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asInt()).isEqualTo(2);
            assertThat(environment.path("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE").asText()).isEqualTo("false");
        }
        for (String side : SIDES) {
            JsonNode environment = services.path(side).path("environment");
            assertThat(environment.path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asText())
                    .isEqualTo("kafka-1:9092,kafka-2:9092,kafka-3:9092");
            assertThat(environment.path("GOVERNANCE_KAFKA_PARTITIONS").asInt()).isEqualTo(6);
            assertThat(environment.path("GOVERNANCE_KAFKA_REPLICATION_FACTOR").asInt()).isEqualTo(3);
        }
    }

    @Test
    void composeMongoIsAReplicaSetOfThreeWrittenByMajority() throws IOException {
        JsonNode services = compose().path("services");
        List<JsonNode> members = servicesWithImage(services, "mongo:").stream()
                .filter(service -> texts(service.path("command")).contains("mongod")).toList();

        assertThat(members).hasSize(3).allSatisfy(member -> assertThat(String.join(" ", texts(member.path("command"))))
                .contains("--replSet rs0").contains("--keyFile"));
        assertThat(String.join(" ", texts(services.at("/mongo-init/command"))))
                .contains("rs.initiate", "mongo-1:27017", "mongo-2:27017", "mongo-3:27017");
        for (String side : SIDES) {
            JsonNode service = services.path(side);
            assertThat(service.at("/environment/SPRING_DATA_MONGODB_URI").asText())
                    .contains("@mongo-1:27017,mongo-2:27017,mongo-3:27017/")
                    .contains("replicaSet=rs0", "w=majority", "readPreference=primary");
            assertThat(service.at("/depends_on/mongo-init/condition").asText())
                    .isEqualTo("service_completed_successfully");
        }
        assertThat(services.at("/governance-query/environment/GOVERNANCE_QUERY_EVENT_STORE_URI").asText())
                .startsWith("mongodb://event-store-reader:").contains("replicaSet=rs0", "readPreference=primary");
    }

    @Test
    void composeServicesAreTakenInOnlyWhenReadyAndStopGracefully() throws IOException {
        JsonNode services = compose().path("services");

        for (String side : SIDES) {
            JsonNode service = services.path(side);
            assertThat(String.join(" ", texts(service.at("/healthcheck/test")))).as(side)
                    .contains("/actuator/health/readiness");
            String stopGracePeriod = service.path("stop_grace_period").asText();
            assertThat(stopGracePeriod).matches("\\d+s");
            assertThat(Duration.parse("PT" + stopGracePeriod)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
            assertThat(service.at("/environment/SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI").asText())
                    .isNotBlank();
            assertThat(service.at("/depends_on/kafka-1/condition").asText()).isEqualTo("service_healthy");
            assertThat(services.at("/gateway/depends_on/" + side + "/condition").asText()).isEqualTo("service_healthy");
        }
        assertThat(services.at("/governance-command/environment/GOVERNANCE_AUDIT_SIGNING_KEY").asText())
                .isEqualTo("/run/secrets/audit-signing-key.pem");
        assertThat(services.at("/governance-query/environment/GOVERNANCE_QUERY_COMMAND_SIDE_URL").asText())
                .isEqualTo("http://governance-command:8080");
    }

    @Test
    void theComposeGatewaySendsReadsToTheQuerySideAndWritesToTheCommandSide() throws IOException {
        String nginx = Files.readString(NGINX);

        assertThat(block(nginx, "map $request_method $api_side"))
                .containsPattern("GET\\s+governance_query;").containsPattern("HEAD\\s+governance_query;")
                .containsPattern("default\\s+governance_command;");
        assertThat(block(nginx, "upstream governance_command")).contains("server governance-command:8080 resolve;");
        assertThat(block(nginx, "upstream governance_query")).contains("server governance-query:8080 resolve;");
        assertThat(block(nginx, "location /api/v1/")).contains("proxy_pass http://$api_side;");
        for (String queryPath : List.of("/graphql", "/graphiql", "/api/v1/admin/projections",
                "/api/v1/admin/parked-events")) {
            assertThat(block(nginx, "location " + queryPath)).as(queryPath)
                    .contains("proxy_pass http://governance_query;");
        }
        assertThat(block(nginx, "location /api/v1/admin/acls")).contains("proxy_pass http://governance_command;");
    }

    // ---- kubernetes: the settings that matter

    @Test
    void kubernetesRunsTwoInstancesOfEachSideThatADrainCannotBothEvict() throws IOException {
        for (String side : SIDES) {
            JsonNode deployment = kubernetesObject("Deployment", side);
            JsonNode budget = kubernetesObject("PodDisruptionBudget", side);

            assertThat(deployment.at("/spec/replicas").asInt()).as(side).isEqualTo(2);
            assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
            assertThat(budget.at("/spec/minAvailable").asInt()).isEqualTo(1);
            assertThat(budget.at("/spec/selector")).isEqualTo(deployment.at("/spec/selector"));
            assertThat(kubernetesObject("Service", side).at("/spec/selector"))
                    .isEqualTo(deployment.at("/spec/selector/matchLabels"));
        }
    }

    @Test
    void kubernetesProbesAskTheLivenessAndReadinessGroups() throws IOException {
        for (String side : SIDES) {
            JsonNode container = kubernetesObject("Deployment", side).at("/spec/template/spec/containers/0");

            assertThat(container.at("/startupProbe/httpGet/path").asText()).as(side)
                    .isEqualTo("/actuator/health/liveness");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
            assertThat(container.at("/resources/limits/memory").asText()).isNotBlank();
            assertThat(container.at("/resources/requests/cpu").asText()).isNotBlank();
        }
    }

    @Test
    void theHttpRouteSendsReadsToTheQuerySideAndWritesToTheCommandSide() throws IOException {
        JsonNode route = kubernetesObject("HTTPRoute", "governance");

        Map<String, String> expected = Map.ofEntries(
                Map.entry("GET /api/v1/data-products", "governance-query"),
                Map.entry("HEAD /api/v1/data-products/sales.orders", "governance-query"),
                Map.entry("GET /api/v1/audit/verify", "governance-query"),
                Map.entry("POST /api/v1/data-products", "governance-command"),
                Map.entry("PUT /api/v1/data-products/sales.orders", "governance-command"),
                Map.entry("POST /api/v1/data-products/sales.orders/contracts:check", "governance-command"),
                Map.entry("POST /api/v1/access-requests/r-1/approve", "governance-command"),
                Map.entry("POST /api/v1/audit/digests", "governance-command"),
                Map.entry("POST /graphql", "governance-query"),
                Map.entry("GET /graphiql", "governance-query"),
                Map.entry("POST /api/v1/admin/projections/rebuild", "governance-query"),
                Map.entry("DELETE /api/v1/admin/parked-events/p-1", "governance-query"),
                Map.entry("GET /api/v1/admin/acls/drift", "governance-command"),
                Map.entry("POST /api/v1/admin/acls/reconcile", "governance-command"));
        expected.forEach((request, side) -> {
            String[] methodAndPath = request.split(" ");
            assertThat(backendOf(route, methodAndPath[0], methodAndPath[1])).as(request).contains(side);
        });
    }

    @Test
    void theImagesAreTheOnesThatJibBuilds() throws Exception {
        JsonNode services = compose().path("services");

        for (String side : SIDES) {
            String image = jibImage(DEPLOY.resolve("..").resolve(side).resolve("pom.xml"));

            assertThat(image).isEqualTo("registry.example.com/acme/" + side + ":0.1.0");
            assertThat(services.path(side).path("image").asText()).isEqualTo(image);
            assertThat(kubernetesObject("Deployment", side).at("/spec/template/spec/containers/0/image").asText())
                    .isEqualTo(image);
        }
    }

    @Test
    void theKustomizationNamesEveryManifestButTheExample() throws IOException {
        JsonNode kustomization = onlyDocument(Files.readString(K8S.resolve("kustomization.yaml")));

        assertThat(texts(kustomization.path("resources"))).containsExactlyInAnyOrderElementsOf(
                kubernetesManifests().stream().map(path -> path.getFileName().toString())
                        .filter(name -> !name.endsWith(".example.yaml")).toList());
    }

    // ---- validation

    private static List<String> composeProblems(JsonNode composeFile) {
        Schema schema = schemaOf(COMPOSE_SCHEMA_REGISTRY, SCHEMAS.resolve("compose").resolve("compose-spec.json"));
        return describe(schema.validate(composeFile));
    }

    private static List<String> kubernetesProblems(JsonNode document) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        Path file = SCHEMAS.resolve("kubernetes").resolve(schemaFileName(apiVersion, kind));
        if (!Files.exists(file)) {
            return List.of("no schema for " + kind + " " + apiVersion + " (expected " + file + ")");
        }
        Schema schema = KUBERNETES_SCHEMAS.computeIfAbsent(file.toString(),
                name -> schemaOf(KUBERNETES_SCHEMA_REGISTRY, file));
        return describe(schema.validate(document));
    }

    /** Read here and handed over whole: the registry loads nothing, and may fetch nothing remote for a $ref. */
    private static Schema schemaOf(SchemaRegistry registry, Path file) {
        try {
            return registry.getSchema(SchemaLocation.of(file.toUri().toString()), JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** deployment-apps-v1.json for apps/v1 Deployment, service-v1.json for v1 Service: deploy/schemas/README.md. */
    private static String schemaFileName(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : "-" + apiVersion.substring(0, slash);
        return kind.toLowerCase() + group + "-" + apiVersion.substring(slash + 1) + ".json";
    }

    private static List<String> describe(List<com.networknt.schema.Error> errors) {
        return errors.stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }

    // ---- Gateway API route matching, as the specification ranks matches

    /**
     * The backend of the rule that wins for a request: among the matches that accept it, an exact path beats a
     * prefix, a longer prefix a shorter one, a match that names the method one that does not; a tie goes to the
     * earlier rule.
     */
    private static Optional<String> backendOf(JsonNode route, String method, String path) {
        record Candidate(int rule, JsonNode match, JsonNode backend) {
        }
        List<Candidate> candidates = new ArrayList<>();
        JsonNode rules = route.at("/spec/rules");
        for (int index = 0; index < rules.size(); index++) {
            for (JsonNode match : rules.get(index).path("matches")) {
                if (accepts(match, method, path)) {
                    candidates.add(new Candidate(index, match, rules.get(index).at("/backendRefs/0/name")));
                }
            }
        }
        return candidates.stream()
                .min(Comparator.<Candidate>comparingInt(
                                candidate -> "Exact".equals(candidate.match().at("/path/type").asText()) ? 0 : 1)
                        .thenComparing(candidate -> -candidate.match().at("/path/value").asText().length())
                        .thenComparing(candidate -> candidate.match().has("method") ? 0 : 1)
                        .thenComparingInt(Candidate::rule))
                .map(candidate -> candidate.backend().asText());
    }

    private static boolean accepts(JsonNode match, String method, String path) {
        String value = match.at("/path/value").asText();
        boolean pathMatches = "Exact".equals(match.at("/path/type").asText())
                ? path.equals(value)
                : path.equals(value) || path.startsWith(value.endsWith("/") ? value : value + "/");
        return pathMatches && (!match.has("method") || match.path("method").asText().equals(method));
    }

    // ---- reading the descriptors

    private static JsonNode compose() throws IOException {
        return onlyDocument(Files.readString(COMPOSE));
    }

    private static List<Path> kubernetesManifests() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".yaml"))
                    .filter(path -> !path.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
    }

    private static JsonNode kubernetesObject(String kind, String name) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        for (Path manifest : kubernetesManifests()) {
            documentsOf(Files.readString(manifest)).stream()
                    .filter(document -> kind.equals(document.path("kind").asText()))
                    .filter(document -> name.equals(document.at("/metadata/name").asText()))
                    .forEach(found::add);
        }
        assertThat(found).as(kind + " " + name).hasSize(1);
        return found.get(0);
    }

    /**
     * SnakeYAML, not Jackson's YAML parser, because it resolves anchors and merge keys ({@code <<: *name}) the way
     * Compose does: the schema must see each service as Compose will.
     */
    private static List<JsonNode> documentsOf(String yaml) {
        Iterable<Object> documents = new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml);
        return StreamSupport.stream(documents.spliterator(), false)
                .filter(document -> document != null).map(document -> (JsonNode) JSON.valueToTree(document)).toList();
    }

    private static JsonNode onlyDocument(String yaml) {
        List<JsonNode> documents = documentsOf(yaml);
        assertThat(documents).hasSize(1);
        return documents.get(0);
    }

    private static JsonNode deployment(String replicas, String probe) {
        return onlyDocument("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: governance-command}
                spec:
                  %s
                  selector: {matchLabels: {app.kubernetes.io/name: governance-command}}
                  template:
                    metadata: {labels: {app.kubernetes.io/name: governance-command}}
                    spec:
                      containers:
                        - name: governance-command
                          image: registry.example.com/acme/governance-command:0.1.0
                          %s
                """.formatted(replicas, probe));
    }

    private static List<JsonNode> servicesWithImage(JsonNode services, String imagePrefix) {
        List<JsonNode> found = new ArrayList<>();
        services.elements().forEachRemaining(service -> {
            if (service.path("image").asText().startsWith(imagePrefix)) {
                found.add(service);
            }
        });
        return found;
    }

    private static List<String> texts(JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).collect(Collectors.toList());
    }

    /** The body of the nginx block that starts with this header, up to its closing brace (blocks here do not nest). */
    private static String block(String nginx, String header) {
        Matcher matcher = Pattern.compile("(?m)^\\s*" + Pattern.quote(header) + "\\s*\\{([^}]*)}").matcher(nginx);
        assertThat(matcher.find()).as(header).isTrue();
        return matcher.group(1);
    }

    /** The image that the jib-maven-plugin's configuration names in a service's pom.xml. */
    private static String jibImage(Path pom) throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        var plugins = document.getElementsByTagName("plugin");
        for (int index = 0; index < plugins.getLength(); index++) {
            Element plugin = (Element) plugins.item(index);
            if ("jib-maven-plugin".equals(childText(plugin, "artifactId"))) {
                Element to = (Element) ((Element) plugin.getElementsByTagName("configuration").item(0))
                        .getElementsByTagName("to").item(0);
                return childText(to, "image");
            }
        }
        throw new AssertionError("no jib-maven-plugin in " + pom);
    }

    private static String childText(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }
}
