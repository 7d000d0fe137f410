package com.acme.governance.command;

import com.acme.governance.api.audit.AuditMetadata;
import org.axonframework.messaging.MetaData;

import java.util.List;
import java.util.Map;

/** The local users as command metadata, the way the web layer sends it. */
public final class TestActors {

    public static final MetaData ALICE = actor("alice", List.of("sales"), List.of());
    public static final MetaData BOB = actor("bob", List.of("marketing"), List.of());
    public static final MetaData ERIN = actor("erin", List.of("sales", "logistics"), List.of());
    public static final MetaData CAROL_STEWARD = actor("carol", List.of(), List.of("STEWARD"));
    public static final MetaData DAVE_AUDITOR = actor("dave", List.of(), List.of("AUDITOR"));

    private TestActors() {
    }

    public static MetaData actor(String principal, List<String> teams, List<String> roles) {
        return MetaData.from(Map.of(AuditMetadata.PRINCIPAL, principal, AuditMetadata.TEAMS, teams,
                AuditMetadata.ROLES, roles));
    }
}
