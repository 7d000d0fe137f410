package com.acme.governance.local;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Ties the {@link LocalStack} to the application's lifecycle. Added by the launcher's {@code main} only, so tests
 * and the two standalone services never start it.
 *
 * <ul>
 * <li>Environment prepared (application.yml, environment variables and command-line arguments all read, no bean
 * created yet): starts the stack, unless {@code governance.local.embedded} is false, and points
 * {@code spring.kafka.bootstrap-servers} and {@code spring.data.mongodb.uri} at it; unless
 * {@code governance.audit.signing-key} is set, points it and {@code governance.audit.public-key} at the key pair of
 * the data directory, created on the first start ({@link LocalAuditKeys}).</li>
 * <li>Context prepared: registers the stack as the context's first disposable bean. Spring destroys
 * singletons in reverse order of registration, so the stack stops last, after every service bean (Kafka
 * listeners, Axon processors, Mongo clients) has shut down against a live broker and server, and while
 * logging still works.</li>
 * </ul>
 */
final class LocalStackStarter implements ApplicationListener<SpringApplicationEvent>, Ordered {

    static final String BEAN_NAME = "localStack";
    static final String PROPERTY_SOURCE_NAME = "governanceLocalStack";

    private final AtomicReference<LocalStack> started = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            start(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent prepared
                && prepared.getApplicationContext().getBeanFactory() instanceof DefaultListableBeanFactory beans) {
            if (started.get() != null) {
                beans.registerSingleton(BEAN_NAME, started.get());
            }
            // also without an embedded stack: the launcher's main waits for this, to end the process with the context
            beans.registerDisposableBean(BEAN_NAME, this::stop);
        }
    }

    private void start(ConfigurableEnvironment environment) {
        LocalStackProperties properties = Binder.get(environment)
                .bindOrCreate("governance.local", LocalStackProperties.class);
        Map<String, Object> stackProperties = new HashMap<>();
        if (properties.embedded()) {
            LocalStack stack = new LocalStack(properties);
            stack.start();
            started.set(stack);
            // First: the embedded stack's real addresses win over any default in application.yml.
            stackProperties.putAll(stack.connectionProperties());
        }
        if (!environment.containsProperty(LocalAuditKeys.SIGNING_KEY_PROPERTY)) {
            stackProperties.putAll(LocalAuditKeys.ensure(properties.keysDir()));
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, stackProperties));
    }

    /** Runs after the listener that loads application.yml and the other config data. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Stops the stack if it was started; idempotent. */
    void stop() {
        LocalStack stack = started.get();
        if (stack != null) {
            stack.stop();
        }
        stopped.countDown();
    }

    /** Blocks until {@link #stop()} has completed, which the context does as the last step of its close. */
    void awaitStopped() {
        boolean interrupted = false;
        while (stopped.getCount() > 0) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
