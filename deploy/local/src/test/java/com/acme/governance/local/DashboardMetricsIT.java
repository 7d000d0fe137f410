package com.acme.governance.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every query of the Grafana dashboard in deploy/ names metrics that the services export at
 * {@code /actuator/prometheus}: a renamed metric or a typo in a panel fails here, not on an operator's screen.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // a Spring Boot test exports no metrics unless asked to
class DashboardMetricsIT extends LocalStackSupport {

    private static final Path DASHBOARD = Path.of("..", "grafana", "governance-dashboard.json");
    /** A metric name not followed by "(" (which makes it a function) once labels, ranges and strings are gone. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(?!\\s*\\()\\b(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "offset", "bool");

    @LocalServerPort
    private int port;

    @Test
    void everyPanelQueriesAnExportedMetric() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> queried = new TreeSet<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> queried.addAll(metricNames(target.path("expr").asText()))));
        assertThat(queried).as("the dashboard queries metrics").hasSizeGreaterThan(10);

        Api.Caller alice = new Api(port).as("alice");
        String product = """
                {"domain": "ops", "name": "dashboard", "title": "T", "ownerTeam": "sales",
                 "classification": "INTERNAL", "tags": [], "outputPorts": []}""";
        assertThat(alice.post("/api/v1/data-products", product).status()).isEqualTo(201);
        assertThat(alice.post("/api/v1/data-products", product).status()).as("a command that fails").isEqualTo(409);

        Api.Caller admin = new Api(port).as("admin");
        // Micrometer binds a Kafka client's metrics that appear later (the per-partition lag, after the first fetch
        // of a partition) when it next looks, once a minute
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Api.Response scrape = admin.get("/actuator/prometheus", "Accept", "text/plain");
            assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
            assertThat(exported(scrape.text())).containsAll(queried);
        });
    }

    static Set<String> metricNames(String expression) {
        String bare = expression.replaceAll("\"(\\\\.|[^\"])*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(bare);
        while (matcher.find()) {
            if (!KEYWORDS.contains(matcher.group())) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    private static Set<String> exported(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }
}
