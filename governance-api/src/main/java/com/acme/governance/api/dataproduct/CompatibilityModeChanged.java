package com.acme.governance.api.dataproduct;

import com.acme.governance.api.audit.EventType;
import org.axonframework.serialization.Revision;

/**
 * The product's contract versions are checked under another mode from now on; versions published before stay as
 * they are.
 *
 * @param previous the mode before
 */
@EventType("governance.dataproduct.compatibility-mode-changed")
@Revision("1")
public record CompatibilityModeChanged(DataProductId id, CompatibilityMode mode, CompatibilityMode previous) {
}
