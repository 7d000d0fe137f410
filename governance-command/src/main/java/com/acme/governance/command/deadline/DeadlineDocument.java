package com.acme.governance.command.deadline;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/** A scheduled deadline as stored: the message and its scope, serialized with Axon's serializer. */
final class DeadlineDocument {

    static final String ID = "_id";
    static final String NAME = "deadlineName";
    static final String TRIGGER_AT = "triggerAt";
    static final String SCOPE_KEY = "scope";
    static final String SCOPE_TYPE = "scopeType";
    static final String PAYLOAD = "payload";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String META_DATA = "metaData";
    static final String TIMESTAMP = "timestamp";
    static final String CLAIMED_BY = "claimedBy";
    static final String CLAIMED_UNTIL = "claimedUntil";

    private final Document document;

    DeadlineDocument(Document document) {
        this.document = document;
    }

    static Document of(DeadlineMessage<?> message, ScopeDescriptor scope, Instant triggerAt, Serializer serializer) {
        SerializedObject<String> serializedScope = serializer.serialize(scope, String.class);
        Document document = new Document(ID, message.getIdentifier())
                .append(NAME, message.getDeadlineName())
                .append(TRIGGER_AT, Date.from(triggerAt))
                .append(SCOPE_KEY, serializedScope.getData())
                .append(SCOPE_TYPE, serializedScope.getType().getName())
                .append(META_DATA, serializer.serialize(message.getMetaData(), String.class).getData())
                .append(TIMESTAMP, Date.from(message.getTimestamp()))
                .append(CLAIMED_UNTIL, null);
        if (message.getPayload() != null) {
            SerializedObject<String> payload = serializer.serialize(message.getPayload(), String.class);
            document.append(PAYLOAD, payload.getData())
                    .append(PAYLOAD_TYPE, payload.getType().getName())
                    .append(PAYLOAD_REVISION, payload.getType().getRevision());
        }
        return document;
    }

    /** Equal scopes serialize equally, which is what cancelling all deadlines within a scope relies on. */
    static String scopeKey(ScopeDescriptor scope, Serializer serializer) {
        return serializer.serialize(scope, String.class).getData();
    }

    String id() {
        return document.getString(ID);
    }

    String name() {
        return document.getString(NAME);
    }

    ScopeDescriptor scope(Serializer serializer) {
        return serializer.deserialize(new SimpleSerializedObject<>(document.getString(SCOPE_KEY), String.class,
                document.getString(SCOPE_TYPE), null));
    }

    DeadlineMessage<?> message(Serializer serializer) {
        Object payload = document.getString(PAYLOAD) == null ? null
                : serializer.deserialize(new SimpleSerializedObject<>(document.getString(PAYLOAD), String.class,
                document.getString(PAYLOAD_TYPE), document.getString(PAYLOAD_REVISION)));
        MetaData metaData = serializer.deserialize(new SimpleSerializedObject<>(document.getString(META_DATA),
                String.class, MetaData.class.getName(), null));
        return new GenericDeadlineMessage<>(name(), id(), payload, metaData,
                document.getDate(TIMESTAMP).toInstant());
    }
}
