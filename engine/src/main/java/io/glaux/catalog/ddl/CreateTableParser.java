package io.glaux.catalog.ddl;

import io.glaux.catalog.Column;
import io.glaux.catalog.StorageDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CREATE EXTERNAL TABLE, after the keywords {@code CREATE EXTERNAL TABLE}. Clauses come in Hive's order: columns,
 * COMMENT, PARTITIONED BY, ROW FORMAT, STORED AS, LOCATION (required), TBLPROPERTIES.
 */
final class CreateTableParser {

    private final TokenCursor c;

    CreateTableParser(TokenCursor cursor) {
        this.c = cursor;
    }

    DdlStatement.CreateTable parse() {
        boolean ifNotExists = ifNotExists(c);
        QualifiedName name = c.hiveQualifiedName();
        List<Column> columns = CommonClauses.columnList(c);
        String comment = c.acceptKeyword("COMMENT") ? c.expectString().value() : null;
        List<Column> partitionKeys = List.of();
        if (c.acceptKeyword("PARTITIONED")) {
            c.expectKeyword("BY");
            partitionKeys = CommonClauses.columnList(c, columns);
        }
        StorageMapping.RowFormat rowFormat = c.atKeyword("ROW") ? rowFormat() : null;
        StorageMapping.StoredAs storedAs = c.atKeyword("STORED") ? storedAs() : null;
        c.expectKeyword("LOCATION");
        String location = CommonClauses.s3Location(c);
        Map<String, String> properties = c.acceptKeyword("TBLPROPERTIES")
                ? CommonClauses.stringProperties(c) : Map.of();
        c.expectEnd();
        StorageDescriptor storage = StorageMapping.resolve(c, rowFormat, storedAs, location);
        return new DdlStatement.CreateTable(name, ifNotExists, columns, partitionKeys, comment, storage, properties);
    }

    static boolean ifNotExists(TokenCursor c) {
        if (c.acceptKeyword("IF")) {
            c.expectKeyword("NOT");
            c.expectKeyword("EXISTS");
            return true;
        }
        return false;
    }

    private StorageMapping.RowFormat rowFormat() {
        c.expectKeyword("ROW");
        c.expectKeyword("FORMAT");
        if (c.acceptKeyword("DELIMITED")) {
            return new StorageMapping.RowFormat(StorageDescriptor.LAZY_SIMPLE_SERDE, delimiters(), null);
        }
        c.expectKeyword("SERDE");
        Token serde = c.expectString();
        Map<String, String> parameters = new LinkedHashMap<>();
        if (c.acceptKeyword("WITH")) {
            c.expectKeyword("SERDEPROPERTIES");
            parameters.putAll(CommonClauses.stringProperties(c));
        }
        return new StorageMapping.RowFormat(serde.value(), parameters, serde);
    }

    /** ROW FORMAT DELIMITED's sub-clauses, as the SerDe parameters Hive stores for them. */
    private Map<String, String> delimiters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (c.acceptKeyword("FIELDS")) {
            terminatedBy();
            String delimiter = c.expectString().value();
            parameters.put("field.delim", delimiter);
            parameters.put(StorageMapping.SERIALIZATION_FORMAT, delimiter);
            if (c.acceptKeyword("ESCAPED")) {
                c.expectKeyword("BY");
                parameters.put("escape.delim", c.expectString().value());
            }
        }
        if (c.acceptKeyword("COLLECTION")) {
            c.expectKeyword("ITEMS");
            terminatedBy();
            parameters.put("collection.delim", c.expectString().value());
        }
        if (c.acceptKeyword("MAP")) {
            c.expectKeyword("KEYS");
            terminatedBy();
            parameters.put("mapkey.delim", c.expectString().value());
        }
        if (c.acceptKeyword("LINES")) {
            terminatedBy();
            parameters.put("line.delim", c.expectString().value());
        }
        if (c.acceptKeyword("NULL")) {
            c.expectKeyword("DEFINED");
            c.expectKeyword("AS");
            parameters.put("serialization.null.format", c.expectString().value());
        }
        return parameters;
    }

    private void terminatedBy() {
        c.expectKeyword("TERMINATED");
        c.expectKeyword("BY");
    }

    private StorageMapping.StoredAs storedAs() {
        c.expectKeyword("STORED");
        c.expectKeyword("AS");
        Token token = c.peek();
        if (c.acceptKeyword("PARQUET")) {
            return new StorageMapping.StoredAs("PARQUET", null, null, token);
        }
        if (c.acceptKeyword("TEXTFILE")) {
            return new StorageMapping.StoredAs("TEXTFILE", null, null, token);
        }
        c.expectKeyword("INPUTFORMAT");
        String input = c.expectString().value();
        c.expectKeyword("OUTPUTFORMAT");
        String output = c.expectString().value();
        return new StorageMapping.StoredAs(null, input, output, token);
    }
}
