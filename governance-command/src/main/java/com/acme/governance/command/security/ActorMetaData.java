package com.acme.governance.command.security;

import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.audit.AuditMetadata;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/**
 * An actor as the audit metadata of the messages they send: principal, issuer, teams and roles, the keys that Axon's
 * correlation data carries on to every event the message leads to. The issuer is left out when unknown, never
 * written empty, so the event hashes as adr/0032 says.
 */
public final class ActorMetaData {

    private ActorMetaData() {
    }

    public static MetaData of(Actor actor) {
        Map<String, Object> values = new HashMap<>();
        values.put(AuditMetadata.PRINCIPAL, actor.principal());
        values.put(AuditMetadata.TEAMS, actor.teams());
        values.put(AuditMetadata.ROLES, actor.roles());
        if (actor.issuer() != null) {
            values.put(AuditMetadata.ISSUER, actor.issuer());
        }
        return MetaData.from(values);
    }
}
