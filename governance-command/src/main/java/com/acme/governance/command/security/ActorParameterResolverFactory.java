package com.acme.governance.command.security;

import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.audit.AuditMetadata;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.List;

/**
 * Lets a command handler declare an {@link Actor} parameter: who sent the command, read from the audit metadata
 * that the web layer attaches. Registered through {@code META-INF/services}, so Axon's test fixtures see it too.
 */
public class ActorParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int index) {
        return Actor.class.equals(parameters[index].getType()) ? new ActorResolver() : null;
    }

    /** The actor a message was sent by; a message without a principal was not sent by anybody we know. */
    public static Actor actorOf(MetaData metaData) {
        Object principal = metaData.get(AuditMetadata.PRINCIPAL);
        if (!(principal instanceof String name) || name.isBlank()) {
            throw new IllegalStateException("message carries no principal in its metadata");
        }
        Object issuer = metaData.get(AuditMetadata.ISSUER);
        return new Actor(name, strings(metaData.get(AuditMetadata.TEAMS)), strings(metaData.get(AuditMetadata.ROLES)),
                issuer instanceof String text ? text : null);
    }

    private static List<String> strings(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static final class ActorResolver implements ParameterResolver<Actor> {
        @Override
        public Actor resolveParameterValue(Message<?> message) {
            return actorOf(message.getMetaData());
        }

        @Override
        public boolean matches(Message<?> message) {
            return message.getMetaData().get(AuditMetadata.PRINCIPAL) instanceof String;
        }
    }
}
