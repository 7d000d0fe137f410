package com.acme.governance.query.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecProvider;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * Stores a {@link JsonNode} (a contract's schema, an event's payload) as its JSON text, not as a sub-document: BSON
 * would refuse or alter keys such as {@code $schema} or dotted names, which JSON Schemas have, and the audit log
 * must give back the payload exactly as it came.
 */
final class JsonTextCodecProvider implements CodecProvider {

    private final JsonTextCodec codec;

    JsonTextCodecProvider(ObjectMapper objectMapper) {
        this.codec = new JsonTextCodec(objectMapper);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Codec<T> get(Class<T> clazz, CodecRegistry registry) {
        return JsonNode.class.isAssignableFrom(clazz) ? (Codec<T>) codec : null;
    }

    private record JsonTextCodec(ObjectMapper objectMapper) implements Codec<JsonNode> {

        @Override
        public void encode(BsonWriter writer, JsonNode value, EncoderContext context) {
            try {
                writer.writeString(objectMapper.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        }

        @Override
        public JsonNode decode(BsonReader reader, DecoderContext context) {
            try {
                return objectMapper.readTree(reader.readString());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored JSON text is not JSON", e);
            }
        }

        @Override
        public Class<JsonNode> getEncoderClass() {
            return JsonNode.class;
        }
    }
}
