package com.acme.governance.api.dataproduct;

import com.acme.governance.api.Limits;
import com.acme.governance.api.TeamName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Comparator;
import java.util.List;

public record RegisterDataProduct(
        @NotNull @TargetAggregateIdentifier DataProductId id,
        @NotBlank @Size(max = Limits.TITLE) String title,
        @Size(max = Limits.DESCRIPTION) String description,
        @NotNull TeamName ownerTeam,
        @NotNull Classification classification,
        @NotNull @Size(max = Limits.TAGS) List<@NotNull Tag> tags,
        @NotNull @Size(max = Limits.PORTS) List<@NotNull @Valid OutputPort> outputPorts,
        CompatibilityMode compatibilityMode) {

    public RegisterDataProduct {
        compatibilityMode = compatibilityMode == null ? CompatibilityMode.CONSUMER_SAFE : compatibilityMode;
        tags = tags == null ? List.of() : tags.stream().distinct().sorted(Comparator.nullsFirst(Comparator.comparing(Tag::value))).toList();
        outputPorts = outputPorts == null ? List.of() : List.copyOf(outputPorts);
    }

    /** A registration under the default mode. */
    public RegisterDataProduct(DataProductId id, String title, String description, TeamName ownerTeam,
                               Classification classification, List<Tag> tags, List<OutputPort> outputPorts) {
        this(id, title, description, ownerTeam, classification, tags, outputPorts, null);
    }
}
