package com.acme.governance.command.relay.republish.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param topic the empty topic to write the event store into (created when missing) */
public record RepublishRequest(@NotBlank @Size(max = 249) String topic) {
}
