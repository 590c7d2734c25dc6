package io.glaux.connectors.dynamodb;

import io.glaux.catalog.AthenaType;
import org.apache.calcite.avatica.util.ByteString;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * DynamoDB attribute types to Athena types, as Athena's DynamoDB connector infers them (S varchar, N decimal(38,9),
 * BOOL boolean, B varbinary, SS/NS/BS arrays, L an array of its elements' common type, M a struct of its fields,
 * NULL alone varchar), and attribute values to the engine's value forms.
 */
final class DynamoDbTypes {

    static final AthenaType NUMBER = new AthenaType.Decimal(38, 9);

    private DynamoDbTypes() {
    }

    static AthenaType ofKey(ScalarAttributeType type) {
        return switch (type) {
            case N -> NUMBER;
            case B -> AthenaType.BINARY;
            default -> AthenaType.STRING;
        };
    }

    /** The type of one value, or null when it is a NULL (which alone says nothing). */
    static AthenaType infer(AttributeValue value) {
        if (value.s() != null) {
            return AthenaType.STRING;
        }
        if (value.n() != null) {
            return NUMBER;
        }
        if (value.bool() != null) {
            return AthenaType.BOOLEAN;
        }
        if (value.b() != null) {
            return AthenaType.BINARY;
        }
        if (value.hasSs()) {
            return new AthenaType.Array(AthenaType.STRING);
        }
        if (value.hasNs()) {
            return new AthenaType.Array(NUMBER);
        }
        if (value.hasBs()) {
            return new AthenaType.Array(AthenaType.BINARY);
        }
        if (value.hasL()) {
            AthenaType element = null;
            for (AttributeValue item : value.l()) {
                element = merge(element, infer(item));
            }
            return new AthenaType.Array(element == null || element == CONFLICT ? AthenaType.STRING : element);
        }
        if (value.hasM()) {
            if (value.m().isEmpty()) {
                return AthenaType.STRING;
            }
            List<AthenaType.Field> fields = new ArrayList<>();
            for (Map.Entry<String, AttributeValue> field : value.m().entrySet()) {
                AthenaType type = infer(field.getValue());
                fields.add(new AthenaType.Field(field.getKey(), type == null ? AthenaType.STRING : type));
            }
            return new AthenaType.Struct(fields);
        }
        return null;
    }

    /** Marks types that disagree inside one list. */
    private static final AthenaType CONFLICT = new AthenaType.Varchar(1);

    /** Two inferred types of the same attribute: the first, structs widened by the other's fields. */
    static AthenaType merge(AthenaType first, AthenaType second) {
        if (first == null) {
            return second;
        }
        if (second == null || first.equals(second)) {
            return first;
        }
        if (first instanceof AthenaType.Struct a && second instanceof AthenaType.Struct b) {
            Map<String, AthenaType> fields = new LinkedHashMap<>();
            a.fields().forEach(f -> fields.put(f.name().toLowerCase(Locale.ROOT), f.type()));
            List<AthenaType.Field> merged = new ArrayList<>(a.fields());
            for (AthenaType.Field field : b.fields()) {
                if (!fields.containsKey(field.name().toLowerCase(Locale.ROOT))) {
                    merged.add(field);
                    fields.put(field.name().toLowerCase(Locale.ROOT), field.type());
                }
            }
            return new AthenaType.Struct(merged);
        }
        return first == CONFLICT ? CONFLICT : first.kind() == second.kind() && first.kind() != AthenaType.Kind.ARRAY
                ? first : CONFLICT;
    }

    /** Whether a merged type is usable: disagreeing list elements read as varchar. */
    static AthenaType settle(AthenaType type) {
        return type == null || type == CONFLICT ? AthenaType.STRING : type;
    }

    /**
     * An attribute value in the engine's form for a column of this type; null for a missing value or a DynamoDB
     * NULL.
     *
     * @throws IllegalArgumentException when the value cannot be read as that type
     */
    static Object toEngine(AttributeValue value, AthenaType type) {
        if (value == null || Boolean.TRUE.equals(value.nul())) {
            return null;
        }
        switch (type.kind()) {
            case STRING, VARCHAR, CHAR:
                return text(value);
            case DECIMAL: {
                AthenaType.Decimal decimal = (AthenaType.Decimal) type;
                return number(value).setScale(decimal.scale(), RoundingMode.HALF_UP);
            }
            case TINYINT:
                return number(value).byteValueExact();
            case SMALLINT:
                return number(value).shortValueExact();
            case INT:
                return number(value).intValueExact();
            case BIGINT:
                return number(value).longValueExact();
            case FLOAT:
                return number(value).floatValue();
            case DOUBLE:
                return number(value).doubleValue();
            case BOOLEAN:
                if (value.bool() != null) {
                    return value.bool();
                }
                if (value.s() != null && value.s().matches("(?i)true|false")) {
                    return Boolean.parseBoolean(value.s());
                }
                if (value.n() != null) {
                    return new BigDecimal(value.n()).signum() != 0;
                }
                throw mismatch(value, type);
            case BINARY:
                if (value.b() != null) {
                    return new ByteString(value.b().asByteArray());
                }
                if (value.s() != null) {
                    return new ByteString(value.s().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                throw mismatch(value, type);
            case DATE:
                if (value.s() != null) {
                    String s = value.s().strip();
                    return (int) LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).toEpochDay();
                }
                if (value.n() != null) {
                    return (int) Math.floorDiv(new BigDecimal(value.n()).longValue(), 86_400_000L);
                }
                throw mismatch(value, type);
            case TIMESTAMP:
                if (value.n() != null) {
                    return new BigDecimal(value.n()).longValue();
                }
                if (value.s() != null) {
                    String s = value.s().strip();
                    try {
                        return Instant.parse(s).toEpochMilli();
                    } catch (RuntimeException e) {
                        return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
                    }
                }
                throw mismatch(value, type);
            case ARRAY: {
                AthenaType element = ((AthenaType.Array) type).element();
                List<Object> list = new ArrayList<>();
                if (value.hasSs()) {
                    value.ss().forEach(s -> list.add(toEngine(AttributeValue.fromS(s), element)));
                } else if (value.hasNs()) {
                    value.ns().forEach(n -> list.add(toEngine(AttributeValue.fromN(n), element)));
                } else if (value.hasBs()) {
                    value.bs().forEach(b -> list.add(toEngine(AttributeValue.fromB(b), element)));
                } else if (value.hasL()) {
                    value.l().forEach(item -> list.add(toEngine(item, element)));
                } else {
                    throw mismatch(value, type);
                }
                return list;
            }
            case MAP: {
                if (!value.hasM()) {
                    throw mismatch(value, type);
                }
                AthenaType valueType = ((AthenaType.Map) type).value();
                Map<Object, Object> map = new LinkedHashMap<>();
                value.m().forEach((k, v) -> map.put(k, toEngine(v, valueType)));
                return map;
            }
            case STRUCT: {
                if (!value.hasM()) {
                    throw mismatch(value, type);
                }
                List<AthenaType.Field> fields = ((AthenaType.Struct) type).fields();
                Object[] struct = new Object[fields.size()];
                for (int i = 0; i < fields.size(); i++) {
                    struct[i] = toEngine(field(value.m(), fields.get(i).name()), fields.get(i).type());
                }
                return struct;
            }
            default:
                throw mismatch(value, type);
        }
    }

    /** A map's entry by name, exactly or else without regard to case. */
    static AttributeValue field(Map<String, AttributeValue> map, String name) {
        AttributeValue exact = map.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, AttributeValue> entry : map.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static BigDecimal number(AttributeValue value) {
        try {
            if (value.n() != null) {
                return new BigDecimal(value.n());
            }
            if (value.s() != null) {
                return new BigDecimal(value.s().strip());
            }
        } catch (NumberFormatException e) {
            throw mismatch(value, NUMBER);
        }
        if (value.bool() != null) {
            return value.bool() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        throw mismatch(value, NUMBER);
    }

    /** Any value as text: strings as they are, numbers in DynamoDB's spelling, the rest as JSON. */
    static String text(AttributeValue value) {
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            return value.n();
        }
        return json(value);
    }

    private static String json(AttributeValue value) {
        if (value.s() != null) {
            return quote(value.s());
        }
        if (value.n() != null) {
            return value.n();
        }
        if (value.bool() != null) {
            return value.bool().toString();
        }
        if (value.b() != null) {
            return quote(java.util.Base64.getEncoder().encodeToString(value.b().asByteArray()));
        }
        if (value.hasSs()) {
            return value.ss().stream().map(DynamoDbTypes::quote).collect(Collectors.joining(",", "[", "]"));
        }
        if (value.hasNs()) {
            return value.ns().stream().collect(Collectors.joining(",", "[", "]"));
        }
        if (value.hasBs()) {
            return value.bs().stream().map(b -> quote(java.util.Base64.getEncoder().encodeToString(b.asByteArray())))
                    .collect(Collectors.joining(",", "[", "]"));
        }
        if (value.hasL()) {
            return value.l().stream().map(DynamoDbTypes::json).collect(Collectors.joining(",", "[", "]"));
        }
        if (value.hasM()) {
            return value.m().entrySet().stream().map(e -> quote(e.getKey()) + ":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        return "null";
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * An engine value of a constraint as an attribute value to compare with, or null when the column's type is not
     * one DynamoDB compares the way SQL does (strings, numbers, booleans).
     */
    static AttributeValue toAttribute(Object value, AthenaType type) {
        switch (type.kind()) {
            case STRING, VARCHAR:
                return value instanceof String s ? AttributeValue.fromS(s) : null;
            case DECIMAL, TINYINT, SMALLINT, INT, BIGINT:
                if (value instanceof BigDecimal d) {
                    return AttributeValue.fromN(d.stripTrailingZeros().toPlainString());
                }
                if (value instanceof Long || value instanceof Integer || value instanceof Short
                        || value instanceof Byte) {
                    return AttributeValue.fromN(value.toString());
                }
                return null;
            case BOOLEAN:
                return value instanceof Boolean b ? AttributeValue.fromBool(b) : null;
            case BINARY:
                return value instanceof ByteString bytes ? AttributeValue.fromB(SdkBytes.fromByteArray(
                        bytes.getBytes())) : null;
            default:
                return null;
        }
    }

    private static IllegalArgumentException mismatch(AttributeValue value, AthenaType type) {
        String shown = text(value);
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return new IllegalArgumentException("the value " + shown + " cannot be read as " + type.ddl());
    }
}
