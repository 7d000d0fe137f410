package com.acme.governance.api.dataproduct;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where consumers read a data product: a Kafka topic, a table or an API. */
public record OutputPort(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,62}") String name,
        @NotNull PortKind kind,
        @NotBlank @Size(max = 512) String address) {
}
