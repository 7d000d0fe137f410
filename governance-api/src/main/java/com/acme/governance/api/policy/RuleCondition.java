package com.acme.governance.api.policy;

import com.acme.governance.api.Limits;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When a rule applies: the product's classification is one of {@code classifications} (empty = any) and it carries
 * at least one of {@code tags} (empty = any).
 */
public record RuleCondition(
        @Size(max = 4) List<@NotNull Classification> classifications,
        @Size(max = Limits.TAGS) List<@NotNull @Pattern(regexp = Tag.PATTERN) String> tags) {

    public RuleCondition {
        classifications = classifications == null ? List.of()
                : classifications.stream().filter(Objects::nonNull).distinct().sorted().toList();
        tags = tags == null ? List.of()
                : tags.stream().distinct().sorted(Comparator.nullsFirst(Comparator.naturalOrder())).toList();
    }

    public boolean matches(Classification classification, Collection<String> productTags) {
        boolean classificationMatches = classifications.isEmpty() || classifications.contains(classification);
        boolean tagMatches = tags.isEmpty() || tags.stream().anyMatch(productTags::contains);
        return classificationMatches && tagMatches;
    }
}
