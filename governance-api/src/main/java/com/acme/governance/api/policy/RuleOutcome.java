package com.acme.governance.api.policy;

import com.acme.governance.api.Limits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.Objects;

/** What a matching rule demands of an access request. */
public record RuleOutcome(
        @NotEmpty List<@NotNull ApprovalRole> requiredApprovals,
        @Min(1) @Max(Limits.MAX_GRANT_DAYS) int maxGrantDays,
        boolean purposeRequired) {

    public RuleOutcome {
        requiredApprovals = requiredApprovals == null ? List.of()
                : requiredApprovals.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }
}
