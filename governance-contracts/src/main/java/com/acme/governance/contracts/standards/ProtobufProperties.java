package com.acme.governance.contracts.standards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import io.apicurio.registry.utils.protobuf.schema.FileDescriptorUtils;
import io.apicurio.registry.utils.protobuf.schema.ProtobufFile;

/** The fields of a {@code .proto} file's first message (the record type, as Schema Registry takes it) as ODCS properties. */
final class ProtobufProperties {

    private ProtobufProperties() {
    }

    record FirstMessage(String name, ArrayNode properties) {
    }

    static FirstMessage of(String proto) {
        ProtoFileElement file = ProtobufFile.toProtoFileElement(proto);
        MessageElement message = FileDescriptorUtils.firstMessage(file);
        ArrayNode properties = JsonNodeFactory.instance.arrayNode();
        if (message == null) {
            return new FirstMessage(null, properties);
        }
        for (FieldElement field : message.getFields()) {
            ObjectNode property = JsonNodeFactory.instance.objectNode().put("name", field.getName());
            String logical = logicalType(field.getType());
            if (field.getLabel() == Field.Label.REPEATED) {
                property.put("logicalType", "array").put("physicalType", "repeated " + field.getType());
                ObjectNode items = JsonNodeFactory.instance.objectNode().put("physicalType", field.getType());
                if (logical != null) {
                    items.put("logicalType", logical);
                }
                property.set("items", items);
            } else {
                property.put("physicalType", field.getType());
                if (logical != null) {
                    property.put("logicalType", logical);
                }
            }
            if (!field.getDocumentation().isBlank()) {
                property.put("description", field.getDocumentation());
            }
            property.put("required", field.getLabel() == Field.Label.REQUIRED);
            properties.add(property);
        }
        return new FirstMessage(message.getName(), properties);
    }

    /** A scalar's ODCS type; a message or enum type is named by its physical type only. */
    private static String logicalType(String type) {
        return switch (type) {
            case "string", "bytes" -> "string";
            case "bool" -> "boolean";
            case "int32", "int64", "uint32", "uint64", "sint32", "sint64", "fixed32", "fixed64", "sfixed32",
                 "sfixed64" -> "integer";
            case "float", "double" -> "number";
            default -> null;
        };
    }
}
