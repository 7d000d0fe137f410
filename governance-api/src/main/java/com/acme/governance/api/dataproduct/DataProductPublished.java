package com.acme.governance.api.dataproduct;

import com.acme.governance.api.audit.EventType;
import org.axonframework.serialization.Revision;

@EventType("governance.dataproduct.published")
@Revision("1")
public record DataProductPublished(DataProductId id) {
}
