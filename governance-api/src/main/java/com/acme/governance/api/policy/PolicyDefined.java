package com.acme.governance.api.policy;

import com.acme.governance.api.audit.EventType;
import org.axonframework.serialization.Revision;

import java.util.List;

@EventType("governance.policy.defined")
@Revision("1")
public record PolicyDefined(String id, int version, String name, PolicyScope scope, List<PolicyRule> rules) {
}
