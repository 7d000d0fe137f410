package com.acme.governance.command.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;

/**
 * {@code governance.commands}: one timer per command type and outcome, measured from the handler's start until its
 * unit of work commits (the events appended) or rolls back, so that a conflict found on append counts as the
 * failure it is. Tags: {@code command} (the command's simple name), {@code outcome} ({@code success} or
 * {@code failure}) and {@code exception} (the failure's simple class name, {@code none} on success): a bounded set,
 * as the command and exception types are this code's own.
 */
public class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String METRIC = "governance.commands";
    /** Fixed buckets, enough for quantiles on the dashboard, fewer series than Micrometer's percentile histogram. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        Timer.Sample sample = Timer.start(registry);
        unitOfWork.afterCommit(committed -> sample.stop(timer(command, "success", "none")));
        unitOfWork.onRollback(rolledBack -> sample.stop(timer(command, "failure",
                failure(rolledBack.getExecutionResult()))));
        return interceptorChain.proceed();
    }

    private static String failure(ExecutionResult result) {
        if (result == null || !result.isExceptionResult()) {
            return "unknown";
        }
        return result.getExceptionResult().getClass().getSimpleName();
    }

    private Timer timer(String command, String outcome, String exception) {
        return Timer.builder(METRIC).description("commands handled, by type and outcome")
                .tag("command", command).tag("outcome", outcome).tag("exception", exception)
                .serviceLevelObjectives(BUCKETS).register(registry);
    }
}
