package com.acme.governance.local;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base class of the end-to-end tests: each test class gets its own real Kafka broker (KRaft) and MongoDB-wire
 * server (H2 file store), on free ports in a temporary directory, started once before the class and stopped
 * after it. A {@code @SpringBootTest} subclass is connected to them through {@link DynamicPropertySource}; any
 * test may stop and start {@link #broker()} or {@link #mongo()} to see what the services do meanwhile.
 *
 * <p>Ordering: the extension is declared here, on the superclass, so JUnit registers it before the
 * {@code SpringExtension} that a subclass's {@code @SpringBootTest} brings. It therefore starts the stack before
 * the Spring context is built and stops it only after {@link DirtiesContext} has closed that context, so the
 * services' Kafka and Mongo clients shut down against live servers. The context is not cached across classes
 * because the next class has other ports.
 *
 * <p>The stack is held in static fields: test classes using this base must not run in parallel.
 */
@ExtendWith(LocalStackExtension.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class LocalStackSupport {

    private static LocalStack stack;
    private static Path dataDir;

    @DynamicPropertySource
    static void localStackProperties(DynamicPropertyRegistry registry) {
        // Suppliers, read when the context is built: the stack is running by then.
        registry.add("spring.kafka.bootstrap-servers", () -> stack().broker().bootstrapServers());
        registry.add("spring.data.mongodb.uri", () -> stack().mongo().connectionString());
    }

    /** The broker of the current test class; {@code stop()} and {@code start()} keep its port and its data. */
    protected static LocalKafkaBroker broker() {
        return stack().broker();
    }

    /** The MongoDB-wire server of the current test class; a restart keeps its port and its data. */
    protected static LocalMongo mongo() {
        return stack().mongo();
    }

    /** The temporary directory holding the broker's log and the MongoDB store; deleted after the class. */
    protected static Path dataDir() {
        return dataDir;
    }

    private static LocalStack stack() {
        if (stack == null) {
            throw new IllegalStateException("the local stack runs only while a LocalStackSupport test class runs");
        }
        return stack;
    }

    static void attach(LocalStack started, Path directory) {
        stack = started;
        dataDir = directory;
    }

    static LocalStack detach() {
        LocalStack current = stack();
        stack = null;
        dataDir = null;
        return current;
    }
}
