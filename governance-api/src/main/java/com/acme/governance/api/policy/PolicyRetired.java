package com.acme.governance.api.policy;

import com.acme.governance.api.audit.EventType;
import org.axonframework.serialization.Revision;


@EventType("governance.policy.retired")
@Revision("1")
public record PolicyRetired(String id, int version, String reason) {
}
