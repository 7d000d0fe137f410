package com.acme.governance.api.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

public record PolicyRule(@NotNull @Valid RuleCondition when, @NotNull @Valid RuleOutcome then) {
}
