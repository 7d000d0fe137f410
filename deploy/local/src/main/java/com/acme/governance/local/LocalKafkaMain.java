package com.acme.governance.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded Kafka broker alone (KRaft, one node, from the Kafka jars), as its own process:
 * {@code <log dir> <port>}. For running the services as separate processes against one shared broker, as the
 * scale-out test does.
 */
public final class LocalKafkaMain {

    private LocalKafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: LocalKafkaMain <log dir> <port>");
            System.exit(2);
        }
        LocalKafkaBroker broker = new LocalKafkaBroker(Path.of(args[0]), Integer.parseInt(args[1]));
        broker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "local-kafka-stop"));
        System.out.println("LocalKafka ready on " + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }
}
