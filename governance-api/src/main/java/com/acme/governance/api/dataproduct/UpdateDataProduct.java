package com.acme.governance.api.dataproduct;

import com.acme.governance.api.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Comparator;
import java.util.List;

/**
 * Replaces the descriptive metadata. {@code expectedVersion}, when given, is the version the client read
 * (its {@code ETag}); the update is refused if the product changed since.
 */
public record UpdateDataProduct(
        @NotNull @TargetAggregateIdentifier DataProductId id,
        Long expectedVersion,
        @NotBlank @Size(max = Limits.TITLE) String title,
        @Size(max = Limits.DESCRIPTION) String description,
        @NotNull Classification classification,
        @NotNull @Size(max = Limits.TAGS) List<@NotNull Tag> tags,
        @NotNull @Size(max = Limits.PORTS) List<@NotNull @Valid OutputPort> outputPorts) {

    public UpdateDataProduct {
        tags = tags == null ? List.of() : tags.stream().distinct().sorted(Comparator.nullsFirst(Comparator.comparing(Tag::value))).toList();
        outputPorts = outputPorts == null ? List.of() : List.copyOf(outputPorts);
    }
}
