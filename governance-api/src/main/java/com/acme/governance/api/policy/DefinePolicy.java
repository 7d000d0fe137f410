package com.acme.governance.api.policy;

import com.acme.governance.api.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

public record DefinePolicy(
        @NotNull @TargetAggregateIdentifier PolicyId id,
        @NotBlank @Size(max = Limits.TITLE) String name,
        @NotNull @Valid PolicyScope scope,
        @NotEmpty @Size(max = Limits.RULES) List<@NotNull @Valid PolicyRule> rules) {

    public DefinePolicy {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
