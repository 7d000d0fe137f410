package com.acme.governance.command.deadline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.AbstractDeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A durable {@link org.axonframework.deadline.DeadlineManager}: deadlines are documents in MongoDB, so a restart
 * between scheduling and triggering loses nothing. A deadline is stored as soon as it is scheduled, before the events
 * of the same unit of work; a cancellation only once those events are stored (on prepare-commit, after them). A poller fires those that are due according to the injected
 * {@link Clock}; a deadline is claimed before it runs (so that only one instance runs it) and deleted only after its
 * handler succeeded: a crash in between runs it again once the claim lapses, which deadline handlers tolerate by
 * checking state first. Axon ships durable managers for Quartz, JobRunr and db-scheduler, all of which need a store
 * we do not run (ADR 0007).
 */
public class MongoDeadlineManager extends AbstractDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(MongoDeadlineManager.class);
    private static final int BATCH = 100;

    private final MongoCollection<Document> deadlines;
    private final ScopeAwareProvider scopeAwareProvider;
    private final Serializer serializer;
    private final TransactionManager transactionManager;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration claimTimeout;
    private final String owner = UUID.randomUUID().toString();
    private ScheduledExecutorService poller;

    public MongoDeadlineManager(MongoCollection<Document> deadlines, ScopeAwareProvider scopeAwareProvider,
                                Serializer serializer, TransactionManager transactionManager, Clock clock,
                                Duration pollInterval, Duration claimTimeout) {
        this.deadlines = deadlines;
        this.scopeAwareProvider = scopeAwareProvider;
        this.serializer = serializer;
        this.transactionManager = transactionManager;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.claimTimeout = claimTimeout;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        DeadlineMessage<?> message = processDispatchInterceptors(
                GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime));
        // Written at once, before the unit of work appends its events: should those fail, the orphan deadline
        // finds nothing to act on, whereas a deadline written after them could be lost by a crash in between.
        deadlines.insertOne(DeadlineDocument.of(message, deadlineScope, triggerDateTime, serializer));
        return message.getIdentifier();
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> deadlines.deleteOne(Filters.and(
                Filters.eq(DeadlineDocument.ID, scheduleId), Filters.eq(DeadlineDocument.NAME, deadlineName))));
    }

    @Override
    public void cancelAll(String deadlineName) {
        runOnPrepareCommitOrNow(() -> deadlines.deleteMany(Filters.eq(DeadlineDocument.NAME, deadlineName)));
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        String scopeKey = DeadlineDocument.scopeKey(scope, serializer);
        runOnPrepareCommitOrNow(() -> deadlines.deleteMany(Filters.and(
                Filters.eq(DeadlineDocument.NAME, deadlineName), Filters.eq(DeadlineDocument.SCOPE_KEY, scopeKey))));
    }

    /** Starts polling; Axon calls it once its configuration, and so every deadline handler, is ready. */
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "deadline-poller");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::fireDueDeadlines, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void shutdown() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    /** Runs every deadline that is due now; public so that tests can trigger a round without waiting. */
    public int fireDueDeadlines() {
        int fired = 0;
        try {
            Document claimed;
            while (fired < BATCH && (claimed = claimNextDue()) != null) {
                if (execute(claimed)) {
                    deadlines.deleteOne(Filters.and(Filters.eq(DeadlineDocument.ID, claimed.get(DeadlineDocument.ID)),
                            Filters.eq(DeadlineDocument.CLAIMED_BY, owner)));
                }
                fired++;
            }
        } catch (RuntimeException e) {
            log.warn("Polling for due deadlines failed; will try again", e);
        }
        return fired;
    }

    private Document claimNextDue() {
        Instant now = clock.instant();
        Bson dueAndFree = Filters.and(
                Filters.lte(DeadlineDocument.TRIGGER_AT, Date.from(now)),
                Filters.or(Filters.eq(DeadlineDocument.CLAIMED_UNTIL, null),
                        Filters.lt(DeadlineDocument.CLAIMED_UNTIL, Date.from(now))));
        return deadlines.findOneAndUpdate(dueAndFree,
                Updates.combine(Updates.set(DeadlineDocument.CLAIMED_BY, owner),
                        Updates.set(DeadlineDocument.CLAIMED_UNTIL, Date.from(now.plus(claimTimeout)))),
                new FindOneAndUpdateOptions().sort(Sorts.ascending(DeadlineDocument.TRIGGER_AT))
                        .returnDocument(ReturnDocument.AFTER));
    }

    private boolean execute(Document document) {
        DeadlineDocument deadline = new DeadlineDocument(document);
        ScopeDescriptor scope = deadline.scope(serializer);
        DeadlineMessage<?> message = deadline.message(serializer);
        UnitOfWork<DeadlineMessage<?>> unitOfWork = new DefaultUnitOfWork<>(message);
        unitOfWork.attachTransaction(transactionManager);
        DefaultInterceptorChain<DeadlineMessage<?>> chain = new DefaultInterceptorChain<>(unitOfWork,
                handlerInterceptors(), deadlineMessage -> {
                    scopeAwareProvider.provideScopeAwareStream(scope)
                            .filter(component -> component.canResolve(scope))
                            .forEach(component -> send(component, deadlineMessage, scope));
                    return null;
                });
        ResultMessage<?> result = unitOfWork.executeWithResult(chain::proceed);
        if (result.isExceptional()) {
            log.error("Deadline {} [{}] failed; it stays scheduled and runs again after its claim lapses",
                    deadline.name(), deadline.id(), result.exceptionResult());
            return false;
        }
        return true;
    }

    private static void send(org.axonframework.messaging.ScopeAware component, DeadlineMessage<?> message,
                             ScopeDescriptor scope) {
        try {
            component.send(message, scope);
        } catch (Exception e) {
            throw new IllegalStateException("Failed to deliver deadline to " + scope.scopeDescription(), e);
        }
    }
}
