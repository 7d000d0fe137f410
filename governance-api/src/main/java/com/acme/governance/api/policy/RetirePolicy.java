package com.acme.governance.api.policy;

import com.acme.governance.api.Limits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Retires a policy for good. {@code expectedVersion}, when given, is its ETag as the client read it (ADR 0010): a
 * steward retires the policy she looked at, not one amended since.
 */
public record RetirePolicy(@NotNull @TargetAggregateIdentifier PolicyId id,
                           Long expectedVersion,
                           @Size(max = Limits.REASON) String reason) {

    /** Without a precondition. */
    public RetirePolicy(PolicyId id, String reason) {
        this(id, null, reason);
    }
}
