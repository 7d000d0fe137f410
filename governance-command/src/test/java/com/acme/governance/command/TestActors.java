package com.acme.governance.command;

import com.acme.governance.api.audit.Actor;
import com.acme.governance.command.security.ActorMetaData;
import org.axonframework.messaging.MetaData;

import java.util.List;

/** The local users as command metadata, the way the web layer sends it (ActorMetaData). */
public final class TestActors {

    public static final MetaData ALICE = actor("alice", List.of("sales"), List.of());
    public static final MetaData BOB = actor("bob", List.of("marketing"), List.of());
    public static final MetaData ERIN = actor("erin", List.of("sales", "logistics"), List.of());
    public static final MetaData CAROL_STEWARD = actor("carol", List.of(), List.of("STEWARD"));
    public static final MetaData DAVE_AUDITOR = actor("dave", List.of(), List.of("AUDITOR"));

    private TestActors() {
    }

    public static MetaData actor(String principal, List<String> teams, List<String> roles) {
        return ActorMetaData.of(new Actor(principal, teams, roles, Actor.LOCAL_ISSUER));
    }
}
