package io.glaux.catalog.ddl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ALTER TABLE t ADD/DROP PARTITION, ADD/REPLACE COLUMNS, SET TBLPROPERTIES; after the keywords ALTER TABLE. */
final class AlterTableParser {

    private final TokenCursor c;

    AlterTableParser(TokenCursor cursor) {
        this.c = cursor;
    }

    DdlStatement parse() {
        QualifiedName table = c.qualifiedName();
        DdlStatement statement;
        if (c.acceptKeyword("ADD")) {
            if (c.acceptKeyword("COLUMNS")) {
                statement = new DdlStatement.AddColumns(table, CommonClauses.columnList(c));
            } else {
                statement = addPartitions(table);
            }
        } else if (c.acceptKeyword("DROP")) {
            statement = dropPartitions(table);
        } else if (c.acceptKeyword("REPLACE")) {
            c.expectKeyword("COLUMNS");
            statement = new DdlStatement.ReplaceColumns(table, CommonClauses.columnList(c));
        } else {
            c.expectKeyword("SET");
            c.expectKeyword("TBLPROPERTIES");
            statement = new DdlStatement.SetTableProperties(table, CommonClauses.stringProperties(c));
        }
        c.expectEnd();
        return statement;
    }

    private DdlStatement.AddPartitions addPartitions(QualifiedName table) {
        boolean ifNotExists = CreateTableParser.ifNotExists(c);
        List<DdlStatement.PartitionSpec> partitions = new ArrayList<>();
        c.expectKeyword("PARTITION");
        do {
            Map<String, String> literalTypes = new LinkedHashMap<>();
            Map<String, String> values = CommonClauses.partitionSpec(c, literalTypes);
            String location = c.acceptKeyword("LOCATION") ? CommonClauses.s3Location(c) : null;
            partitions.add(new DdlStatement.PartitionSpec(values, literalTypes, location));
        } while (c.acceptKeyword("PARTITION"));
        return new DdlStatement.AddPartitions(table, ifNotExists, partitions);
    }

    private DdlStatement.DropPartitions dropPartitions(QualifiedName table) {
        boolean ifExists = false;
        if (c.acceptKeyword("IF")) {
            c.expectKeyword("EXISTS");
            ifExists = true;
        }
        List<Map<String, String>> partitions = new ArrayList<>();
        do {
            c.expectKeyword("PARTITION");
            partitions.add(CommonClauses.partitionSpec(c, new LinkedHashMap<>()));
        } while (c.acceptSymbol(','));
        return new DdlStatement.DropPartitions(table, ifExists, partitions);
    }
}
