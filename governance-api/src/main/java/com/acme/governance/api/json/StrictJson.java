package com.acme.governance.api.json;

import com.acme.governance.api.Limits;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * How the API reads a JSON request body: exactly what the contract says, or a 400. Jackson's defaults are lenient in
 * ways that change meaning ({@code 1.5} days read as 1, {@code [null]} dropped from a list, a repeated key read as
 * its last value); this turns every such leniency into an error.
 *
 * <p>For HTTP input only: events already stored were written by the lenient mapper and must stay readable, so the
 * mappers that read the event store and Kafka are never made strict (see adr/0009).
 */
public final class StrictJson {

    private static final List<Class<?>> CONTAINERS = List.of(List.class, Set.class, Collection.class);

    private StrictJson() {
    }

    /** A strict copy of {@code base}, which is left as it was; writing is unchanged. */
    @SuppressWarnings("deprecation") // MapperFeature on a built mapper: the copy has no builder of its own
    public static ObjectMapper forRequests(ObjectMapper base) {
        ObjectMapper mapper = base.copy();
        mapper.getFactory().setStreamReadConstraints(constraints());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // A string field takes a JSON string, a number field a JSON number, a flag true or false: nothing converted.
        mapper.coercionConfigDefaults()
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.Enum)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        // ...the coercions above also forbade the natural input of each type; allow exactly that back.
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        // A null inside a list is an error, never a silently dropped element (a rule's classifications!).
        for (Class<?> container : CONTAINERS) {
            mapper.configOverride(container).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        }
        return mapper;
    }

    /** The parser's share of the limits in {@link Limits}: enforced while reading, before any object is built. */
    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxDocumentLength(Limits.REQUEST_BODY_BYTES)
                .maxNestingDepth(Limits.JSON_NESTING_DEPTH)
                .maxStringLength(Limits.JSON_STRING_CHARS)
                .maxNameLength(Limits.JSON_NAME_CHARS)
                .maxNumberLength(Limits.JSON_NUMBER_CHARS)
                .maxTokenCount(Limits.JSON_TOKENS)
                .build();
    }
}
