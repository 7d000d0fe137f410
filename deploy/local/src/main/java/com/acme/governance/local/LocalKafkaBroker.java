package com.acme.governance.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker, in KRaft combined mode (broker and controller in one node), running inside
 * this JVM from the Kafka jars. It listens on localhost only and keeps its log under one directory, so
 * stopping and starting it again, in the same JVM or in a new one, keeps every topic and record.
 *
 * <p>It enforces ACLs with the KRaft {@code StandardAuthorizer}. The PLAINTEXT client listener has no
 * authentication, so everything on it is {@code User:ANONYMOUS}, which is a super user: the services, and the
 * broker's own traffic to its controller, are never checked. ACLs matter on the optional second listener,
 * {@code TEAMS} (SASL_PLAINTEXT, SASL/PLAIN), where the demo teams of {@link #TEAM_USERS} log in with a password
 * and may only do what an ACL binding grants them.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String TEAMS_LISTENER = "TEAMS";
    private static final int NO_PORT = -1;

    /** A team's login on the {@code TEAMS} listener: principal {@code User:<name>}, SASL/PLAIN. */
    public record TeamUser(String name, String password) {

        public String principal() {
            return "User:" + name;
        }
    }

    /** The demo teams that may log in on the {@code TEAMS} listener; local credentials, not secrets. */
    public static final List<TeamUser> TEAM_USERS = List.of(
            new TeamUser("sales", "sales-kafka-pw"),
            new TeamUser("marketing", "marketing-kafka-pw"),
            new TeamUser("logistics", "logistics-kafka-pw"));

    private final Path logDir;
    private final int port;
    private final int teamsPort;
    // Chosen once per instance: clients never see it, and a restart in the same JVM keeps the same quorum.
    private final int controllerPort;

    private KafkaRaftServer server;

    /**
     * A broker with the PLAINTEXT client listener only.
     *
     * @param logDir where the broker keeps its log and metadata; formatted on first start
     * @param port the client port (PLAINTEXT on localhost)
     */
    public LocalKafkaBroker(Path logDir, int port) {
        this.logDir = logDir;
        this.port = port;
        this.teamsPort = NO_PORT;
        this.controllerPort = FreePort.findOtherThan(port);
    }

    /**
     * A broker with the PLAINTEXT client listener and the {@code TEAMS} listener, where the {@link #TEAM_USERS}
     * log in and are held to ACLs.
     *
     * @param logDir where the broker keeps its log and metadata; formatted on first start
     * @param port the client port (PLAINTEXT on localhost)
     * @param teamsPort the port of the {@code TEAMS} listener (SASL_PLAINTEXT with SASL/PLAIN on localhost)
     */
    public LocalKafkaBroker(Path logDir, int port, int teamsPort) {
        if (teamsPort <= 0 || teamsPort == port) {
            throw new IllegalArgumentException("the TEAMS listener needs a port of its own, not " + teamsPort);
        }
        this.logDir = logDir;
        this.port = port;
        this.teamsPort = teamsPort;
        this.controllerPort = FreePort.findOtherThan(port, teamsPort);
    }


    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaConfig config = new KafkaConfig(brokerProperties(), false);
        String clusterId = KraftStorage.formatIfNeeded(logDir, NODE_ID, CONTROLLER_LISTENER);
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            starting.startup();
        } catch (Exception e) {
            // A half-started server still holds ports and the log directory lock.
            shutDown(starting);
            throw new IllegalStateException("Kafka broker did not start on port " + port, e);
        }
        server = starting;
        log.info("Kafka broker (KRaft, cluster {}) listening on {}{}, log in {}", clusterId, bootstrapServers(),
                hasTeamsListener() ? " and, for the teams, " + teamsBootstrapServers() : "", logDir);
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        shutDown(server);
        server = null;
        log.info("Kafka broker on {} stopped", bootstrapServers());
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public boolean hasTeamsListener() {
        return teamsPort != NO_PORT;
    }

    /** The bootstrap servers of the {@code TEAMS} listener; clients there need SASL_PLAINTEXT and PLAIN. */
    public String teamsBootstrapServers() {
        if (!hasTeamsListener()) {
            throw new IllegalStateException("this broker has no TEAMS listener");
        }
        return "localhost:" + teamsPort;
    }

    public Path logDir() {
        return logDir;
    }

    private static void shutDown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private Map<String, Object> brokerProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", NODE_ID);
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        // Bound to localhost: PLAINTEXT has no authentication, and its anonymous user is a super user (below),
        // so the broker must not be reachable from the network.
        String listeners = "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort;
        String advertised = "PLAINTEXT://localhost:" + port;
        String protocols = "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT";
        if (hasTeamsListener()) {
            listeners += "," + TEAMS_LISTENER + "://localhost:" + teamsPort;
            // Clients are sent the endpoints of the listener they came in on, so without this a client of TEAMS
            // would be told no broker exists for it.
            advertised += "," + TEAMS_LISTENER + "://localhost:" + teamsPort;
            protocols += "," + TEAMS_LISTENER + ":SASL_PLAINTEXT";
            String prefix = "listener.name." + TEAMS_LISTENER.toLowerCase(Locale.ROOT) + ".";
            // The broker-wide default mechanism is GSSAPI, which would make the listener refuse PLAIN logins.
            props.put(prefix + "sasl.enabled.mechanisms", "PLAIN");
            props.put(prefix + "plain.sasl.jaas.config", plainJaasConfig());
        }
        props.put("listeners", listeners);
        props.put("advertised.listeners", advertised);
        props.put("listener.security.protocol.map", protocols);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());

        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // Every connection on PLAINTEXT and CONTROLLER is User:ANONYMOUS: the services, the broker talking to
        // its own controller in this node, and the admin that writes the teams' ACLs. Only the TEAMS logins are
        // held to ACLs.
        props.put("super.users", "User:ANONYMOUS");
        // A resource nobody wrote an ACL for is closed, not open: a team sees only what it was granted.
        props.put("allow.everyone.if.no.acl.found", false);

        // Topics are created on purpose, with their partition count and retention, by the service that owns them.
        props.put("auto.create.topics.enable", false);
        // The event log is the published history of the mesh: nothing ages out of it, locally either.
        props.put("log.retention.ms", -1);

        // One node: every internal topic has exactly one replica. A handful of partitions is plenty locally
        // and keeps the first consumer group and the first transaction from creating 50 partitions each.
        props.put("offsets.topic.replication.factor", (short) 1);
        props.put("offsets.topic.num.partitions", 5);
        props.put("transaction.state.log.replication.factor", (short) 1);
        props.put("transaction.state.log.min.isr", 1);
        props.put("transaction.state.log.num.partitions", 5);
        // Consumers of a new group get their partitions at once instead of after the default 3 s.
        props.put("group.initial.rebalance.delay.ms", 0);
        return props;
    }

    /** The broker side of SASL/PLAIN: one {@code user_<name>="<password>"} option per team, no own login. */
    private static String plainJaasConfig() {
        return TEAM_USERS.stream()
                .map(user -> "user_" + user.name() + "=\"" + user.password() + "\"")
                .collect(Collectors.joining(" ",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required ", ";"));
    }
}
