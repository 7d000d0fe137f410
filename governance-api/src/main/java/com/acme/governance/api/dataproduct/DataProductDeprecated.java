package com.acme.governance.api.dataproduct;

import com.acme.governance.api.audit.EventType;
import org.axonframework.serialization.Revision;

@EventType("governance.dataproduct.deprecated")
@Revision("1")
public record DataProductDeprecated(DataProductId id, String reason) {
}
