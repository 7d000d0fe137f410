package com.acme.governance.api.dataproduct;

import com.acme.governance.api.audit.EventType;
import org.axonframework.serialization.Revision;

import java.util.List;

@EventType("governance.dataproduct.updated")
@Revision("1")
public record DataProductUpdated(DataProductId id, String title, String description, Classification classification, List<String> tags, List<OutputPort> outputPorts) {
}
