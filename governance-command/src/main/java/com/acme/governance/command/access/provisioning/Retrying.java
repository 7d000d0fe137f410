package com.acme.governance.command.access.provisioning;

import java.time.Duration;

/**
 * A step of provisioning tried a bounded number of times with doubling waits. Hand-written (adr/0033): the step runs
 * inside an event handler, where a failure after the last try must become an event rather than an exception, and
 * neither Spring Retry nor Resilience4j is on the classpath for one loop.
 */
final class Retrying {

    interface Step {
        void run() throws Exception;
    }

    /** What the last try answered, after {@code attempts} tries. */
    record Failure(int attempts, Exception last) {

        String reason() {
            String message = last.getMessage();
            return last.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        }
    }

    private final int attempts;
    private final Duration backoff;
    private final Duration maxBackoff;

    Retrying(int attempts, Duration backoff, Duration maxBackoff) {
        this.attempts = attempts;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
    }

    /** @return the failure after the last try, or null when a try succeeded */
    Failure run(Step step) throws InterruptedException {
        Duration wait = backoff;
        Exception last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                step.run();
                return null;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            if (attempt < attempts) {
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : wait.multipliedBy(2);
            }
        }
        return new Failure(attempts, last);
    }
}
