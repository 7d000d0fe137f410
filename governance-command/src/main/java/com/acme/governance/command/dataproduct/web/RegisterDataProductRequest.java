package com.acme.governance.command.dataproduct.web;

import com.acme.governance.command.web.BodyValues;
import com.acme.governance.api.TeamName;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.CompatibilityMode;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.OutputPort;
import com.acme.governance.api.dataproduct.RegisterDataProduct;
import com.acme.governance.api.dataproduct.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/**
 * The id's parts are checked here, the owner team and the tags by their types; every other field by the command's own
 * constraints. Without a {@code compatibilityMode}, the brief's rule ({@code CONSUMER_SAFE}).
 */
record RegisterDataProductRequest(
        @NotNull @Pattern(regexp = DataProductId.SEGMENT) String domain,
        @NotNull @Pattern(regexp = DataProductId.SEGMENT) String name,
        String title,
        String description,
        String ownerTeam,
        Classification classification,
        List<String> tags,
        List<OutputPort> outputPorts,
        CompatibilityMode compatibilityMode) {

    RegisterDataProduct toCommand() {
        BodyValues body = new BodyValues();
        return body.command(() -> new RegisterDataProduct(new DataProductId(domain, name), title, description,
                body.typed("ownerTeam", ownerTeam, TeamName::of), classification, body.typed("tags", tags, Tag::of),
                outputPorts, compatibilityMode));
    }
}
