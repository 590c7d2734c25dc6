package io.glaux.connectors.federation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The protocol's shared JSON pieces, written field by field in the SDK's order (its deserializers read fields
 * positionally): the {@code @type} discriminator, Blocks and Arrow types.
 */
final class ProtocolJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static final String TYPE = "@type";

    private ProtocolJson() {
    }

    static ObjectNode typed(String type) {
        return MAPPER.createObjectNode().put(TYPE, type);
    }

    /** A Block: its allocator id (ignored by readers), IPC schema, and IPC record batch ("" for no rows). */
    static ObjectNode block(String allocatorId, byte[] schema, byte[] records) {
        ObjectNode block = MAPPER.createObjectNode();
        block.put("aId", allocatorId);
        block.put("schema", schema);
        block.put("records", records);
        return block;
    }

    /** An ArrowType as the SDK's ArrowTypeSerDe writes it, or null for a type it has no form for. */
    static ObjectNode arrowType(ArrowType type) {
        return switch (type.getTypeID()) {
            case Null -> typed("Null");
            case Struct -> typed("Struct");
            case List -> typed("List");
            case Map -> typed("Map");
            case Utf8 -> typed("Utf8");
            case Binary -> typed("Binary");
            case Bool -> typed("Bool");
            case Int -> typed("Int").put("bitWidth", ((ArrowType.Int) type).getBitWidth())
                    .put("isSigned", ((ArrowType.Int) type).getIsSigned());
            case FloatingPoint -> typed("FloatingPoint")
                    .put("precision", ((ArrowType.FloatingPoint) type).getPrecision().name());
            case FixedSizeBinary -> typed("FixedSizeBinary")
                    .put("byteWidth", ((ArrowType.FixedSizeBinary) type).getByteWidth());
            case Decimal -> typed("Decimal").put("precision", ((ArrowType.Decimal) type).getPrecision())
                    .put("scale", ((ArrowType.Decimal) type).getScale());
            case Date -> typed("Date").put("unit", ((ArrowType.Date) type).getUnit().name());
            case Timestamp -> typed("Timestamp").put("unit", ((ArrowType.Timestamp) type).getUnit().name())
                    .put("timezone", ((ArrowType.Timestamp) type).getTimezone());
            default -> null;
        };
    }
}
