package com.acme.governance.api.policy;

import com.acme.governance.api.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Replaces name, scope and rules as a whole, making version n+1; the rationale says why. {@code expectedVersion},
 * when given, is the policy's ETag as the client read it (its event count, ADR 0010); the amendment is refused if
 * the policy changed since. Null only for commands that do not come from a client's read.
 */
public record AmendPolicy(
        @NotNull @TargetAggregateIdentifier PolicyId id,
        Long expectedVersion,
        @NotBlank @Size(max = Limits.TITLE) String name,
        @NotNull @Valid PolicyScope scope,
        @NotEmpty @Size(max = Limits.RULES) List<@NotNull @Valid PolicyRule> rules,
        @NotBlank @Size(max = Limits.REASON) String rationale) {

    public AmendPolicy {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** Without a precondition. */
    public AmendPolicy(PolicyId id, String name, PolicyScope scope, List<PolicyRule> rules, String rationale) {
        this(id, null, name, scope, rules, rationale);
    }

    /** The same amendment, made only if the policy is still at {@code version}. */
    public AmendPolicy expecting(long version) {
        return new AmendPolicy(id, version, name, scope, rules, rationale);
    }
}
