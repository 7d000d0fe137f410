package com.acme.governance.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker, in KRaft combined mode (broker and controller in one node), running inside
 * this JVM from the Kafka jars. It listens on localhost only and keeps its log under one directory, so
 * stopping and starting it again, in the same JVM or in a new one, keeps every topic and record.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Path logDir;
    private final int port;
    // Chosen once per instance: clients never see it, and a restart in the same JVM keeps the same quorum.
    private final int controllerPort = FreePort.find();

    private KafkaRaftServer server;

    /**
     * @param logDir where the broker keeps its log and metadata; formatted on first start
     * @param port the client port (PLAINTEXT on localhost)
     */
    public LocalKafkaBroker(Path logDir, int port) {
        this.logDir = logDir;
        this.port = port;
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
        log.info("Kafka broker (KRaft, cluster {}) listening on {}, log in {}", clusterId, bootstrapServers(), logDir);
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
        // Bound to localhost: the local stack has no authentication and must not be reachable from the network.
        props.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());

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
}
