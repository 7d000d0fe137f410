package com.acme.governance.local;

import org.springframework.boot.SpringApplication;

/**
 * Runs the combined application on top of the embedded {@link LocalStack} and owns the process's lifetime.
 *
 * <p>Order: the stack starts before the first bean and stops after the last one (see {@link LocalStackStarter}),
 * so the services' Kafka clients and Mongo connections shut down against a live broker and server instead of
 * timing out against dead ones.
 *
 * <p>Exit: on Ctrl-C (or SIGTERM) the JVM runs Spring Boot's shutdown hook, which closes the context, stopping
 * the stack with it, and the JVM halts when the hook returns. When the context is closed any other way, or
 * fails to start, Axon's non-daemon {@code axon-janitor} thread and the broker's threads would keep the JVM
 * alive with nothing serving, so {@code main} waits until the stack has stopped and ends the process itself
 * with {@link System#exit}. Called while the shutdown hook is still running, {@code System.exit} just waits
 * for it, so both paths end in one clean exit. (The main thread deliberately does not call
 * {@code context.close()} itself: Spring interrupts a closing thread it finds waiting, which would cut short
 * the broker's or Axon's orderly shutdown.)
 */
final class LocalLauncher {

    private LocalLauncher() {
    }

    static void launch(Class<?> application, String... args) {
        // Axon prints an advertisement for its console unless this system property is set.
        System.setProperty("disable-axoniq-console-message",
                System.getProperty("disable-axoniq-console-message", "true"));

        LocalStackStarter stackStarter = new LocalStackStarter();
        SpringApplication app = new SpringApplication(application);
        app.addListeners(stackStarter);
        try {
            app.run(args);
        } catch (Throwable startFailure) {
            // Spring Boot has already logged why, and closed the context if it got that far.
            stackStarter.stop();
            System.exit(1);
            return;
        }
        stackStarter.awaitStopped();
        System.exit(0);
    }
}
