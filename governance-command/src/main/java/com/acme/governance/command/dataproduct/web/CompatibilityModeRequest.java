package com.acme.governance.command.dataproduct.web;

import com.acme.governance.api.dataproduct.CompatibilityMode;
import jakarta.validation.constraints.NotNull;

/** {@code {"mode": "BACKWARD"}}. */
record CompatibilityModeRequest(@NotNull CompatibilityMode mode) {
}
