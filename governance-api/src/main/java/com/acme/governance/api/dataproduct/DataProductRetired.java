package com.acme.governance.api.dataproduct;

import com.acme.governance.api.audit.EventType;
import org.axonframework.serialization.Revision;

@EventType("governance.dataproduct.retired")
@Revision("1")
public record DataProductRetired(DataProductId id, String reason) {
}
