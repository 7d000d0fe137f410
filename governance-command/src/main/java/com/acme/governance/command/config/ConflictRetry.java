package com.acme.governance.command.config;

import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Only a lost race with another instance (the event store's unique index) is worth retrying: the command then runs
 * again on fresh state. Business rejections and duplicate registrations are final.
 */
public final class ConflictRetry {

    private ConflictRetry() {
    }

    public static RetryScheduler scheduler(int maxRetries) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-conflict-retry");
            thread.setDaemon(true);
            return thread;
        });
        RetryScheduler interval = IntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .maxRetryCount(maxRetries)
                .retryInterval(20)
                // the decision is taken below, on the whole failure: Axon would test every cause on its own
                .nonTransientFailurePredicate(failure -> false)
                .build();
        return (command, lastFailure, failures, dispatch) ->
                isConflict(lastFailure) && interval.scheduleRetry(command, lastFailure, failures, dispatch);
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
