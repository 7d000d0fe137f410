package com.acme.governance.api.dataproduct;

import com.acme.governance.api.audit.EventType;
import org.axonframework.serialization.Revision;

import java.util.List;

@EventType("governance.dataproduct.registered")
@Revision("1")
public record DataProductRegistered(DataProductId id, String title, String description, String ownerTeam, Classification classification, List<String> tags, List<OutputPort> outputPorts) {
}
