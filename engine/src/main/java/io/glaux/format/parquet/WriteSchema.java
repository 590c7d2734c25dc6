package io.glaux.format.parquet;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

import java.util.ArrayList;
import java.util.List;

/**
 * The Parquet schema Glaux writes for a table's columns, following Athena/Hive: every column optional; int types as
 * INT32 (tinyint/smallint annotated INT(8)/INT(16)), bigint INT64, strings BINARY (STRING), date INT32 (DATE),
 * timestamp INT64 TIMESTAMP(MILLIS, isAdjustedToUTC=false), decimals as INT32 up to precision 9, INT64 up to 18 and
 * the smallest FIXED_LEN_BYTE_ARRAY beyond; arrays as 3-level LIST ({@code list}/{@code element}), maps as MAP
 * ({@code key_value}/{@code key}/{@code value}), structs as groups.
 */
final class WriteSchema {

    static final String MESSAGE_NAME = "hive_schema";

    private WriteSchema() {
    }

    static MessageType of(List<Column> columns) {
        List<Type> fields = new ArrayList<>();
        for (Column column : columns) {
            fields.add(type(column.name(), column.type(), Repetition.OPTIONAL));
        }
        return new MessageType(MESSAGE_NAME, fields);
    }

    static Type type(String name, AthenaType type, Repetition repetition) {
        return switch (type.kind()) {
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
            case TINYINT -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.intType(8, true)).named(name);
            case SMALLINT -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.intType(16, true)).named(name);
            case INT -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
            case BIGINT -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
            case FLOAT -> Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
            case CHAR, VARCHAR, STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType()).named(name);
            case BINARY -> Types.primitive(PrimitiveTypeName.BINARY, repetition).named(name);
            case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.dateType()).named(name);
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(name);
            case DECIMAL -> decimal(name, (AthenaType.Decimal) type, repetition);
            case ARRAY -> Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
                    .addField(new GroupType(Repetition.REPEATED, "list",
                            type("element", ((AthenaType.Array) type).element(), Repetition.OPTIONAL)))
                    .named(name);
            case MAP -> {
                AthenaType.Map map = (AthenaType.Map) type;
                yield Types.buildGroup(repetition).as(LogicalTypeAnnotation.mapType())
                        .addField(new GroupType(Repetition.REPEATED, "key_value",
                                type("key", map.key(), Repetition.REQUIRED),
                                type("value", map.value(), Repetition.OPTIONAL)))
                        .named(name);
            }
            case STRUCT -> {
                List<Type> fields = new ArrayList<>();
                for (AthenaType.Field field : ((AthenaType.Struct) type).fields()) {
                    fields.add(type(field.name(), field.type(), Repetition.OPTIONAL));
                }
                yield new GroupType(repetition, name, fields);
            }
        };
    }

    private static Type decimal(String name, AthenaType.Decimal decimal, Repetition repetition) {
        LogicalTypeAnnotation annotation = LogicalTypeAnnotation.decimalType(decimal.scale(), decimal.precision());
        if (decimal.precision() <= 9) {
            return Types.primitive(PrimitiveTypeName.INT32, repetition).as(annotation).named(name);
        }
        if (decimal.precision() <= 18) {
            return Types.primitive(PrimitiveTypeName.INT64, repetition).as(annotation).named(name);
        }
        return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
                .length(fixedLength(decimal.precision())).as(annotation).named(name);
    }

    /** The fewest bytes whose two's complement holds every unscaled value of {@code precision} digits. */
    static int fixedLength(int precision) {
        int bytes = 1;
        while (Math.pow(2, 8 * bytes - 1) < Math.pow(10, precision)) {
            bytes++;
        }
        return bytes;
    }
}
