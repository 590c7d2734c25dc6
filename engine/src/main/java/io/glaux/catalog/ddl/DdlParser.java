package io.glaux.catalog.ddl;

import io.glaux.error.GlauxException;
import java.util.Map;
import java.util.Optional;

/**
 * Recursive-descent parser for Athena's Hive-style DDL (and the heads of CREATE VIEW, CTAS, INSERT INTO and
 * UNLOAD).
 * Keywords are case-insensitive; names are lower-cased. Errors are {@link GlauxException#syntax} with the 1-based
 * line and column of the offending token and Trino's wording ({@code mismatched input 'X'. Expecting: ...}).
 *
 * <p>This class reads the first keywords and hands over to the parser of the statement family.
 */
public final class DdlParser {

    private final TokenCursor c;

    private DdlParser(String sql) {
        this.c = new TokenCursor(sql);
    }

    /**
     * Parses {@code sql} if it is a statement this parser owns (CREATE, DROP, ALTER, MSCK, SHOW, DESCRIBE, INSERT,
     * UNLOAD);
     * returns empty for any other statement (SELECT, WITH, VALUES, EXPLAIN, ...), which the engine handles.
     *
     * @throws GlauxException a syntax error in a statement this parser owns
     */
    public static Optional<DdlStatement> tryParse(String sql) {
        return new DdlParser(sql).statement();
    }

    private Optional<DdlStatement> statement() {
        Token first = c.peek();
        if (first.kind() != Token.Kind.WORD) {
            return Optional.empty();
        }
        switch (first.upperText()) {
            case "CREATE":
                c.next();
                return Optional.of(create());
            case "DROP":
                c.next();
                return Optional.of(drop());
            case "ALTER":
                c.next();
                c.expectKeyword("TABLE");
                return Optional.of(new AlterTableParser(c).parse());
            case "MSCK":
                c.next();
                c.expectKeyword("REPAIR");
                c.expectKeyword("TABLE");
                DdlStatement repair = new DdlStatement.RepairTable(c.qualifiedName());
                c.expectEnd();
                return Optional.of(repair);
            case "SHOW":
                c.next();
                return Optional.of(new ShowParser(c).show());
            case "DESCRIBE":
            case "DESC":
                if ((c.peek(1).isKeyword("INPUT") || c.peek(1).isKeyword("OUTPUT")) && c.peek(2).isIdentifier()) {
                    return Optional.empty(); // DESCRIBE INPUT/OUTPUT of a prepared statement
                }
                c.next();
                return Optional.of(new ShowParser(c).describe());
            case "INSERT":
                c.next();
                return Optional.of(new QueryStatementParser(c).insert());
            case "UNLOAD":
                c.next();
                return Optional.of(new QueryStatementParser(c).unload());
            default:
                return Optional.empty();
        }
    }

    private DdlStatement create() {
        Token start = c.previous();
        if (c.acceptKeyword("DATABASE") || c.acceptKeyword("SCHEMA")) {
            return createDatabase();
        }
        if (c.acceptKeyword("EXTERNAL")) {
            c.expectKeyword("TABLE");
            return new CreateTableParser(c).parse();
        }
        if (c.acceptKeyword("OR")) {
            c.expectKeyword("REPLACE");
            c.expectKeyword("VIEW");
            return new QueryStatementParser(c).view(true);
        }
        if (c.acceptKeyword("VIEW")) {
            return new QueryStatementParser(c).view(false);
        }
        c.expectKeyword("TABLE");
        boolean ifNotExists = CreateTableParser.ifNotExists(c);
        QualifiedName name = c.sqlQualifiedName();
        if (!c.atKeyword("WITH") && !c.atKeyword("AS")) {
            if (c.peek().isSymbol('(')) {
                throw c.errorAt(start, "Only external table creation is supported. "
                        + "Use CREATE EXTERNAL TABLE, or CREATE TABLE ... AS <query>");
            }
            throw c.mismatch();
        }
        return new QueryStatementParser(c).createTableAs(name, ifNotExists);
    }

    private DdlStatement createDatabase() {
        boolean ifNotExists = CreateTableParser.ifNotExists(c);
        String name = c.hiveName();
        String comment = c.acceptKeyword("COMMENT") ? c.expectString().value() : null;
        String location = c.acceptKeyword("LOCATION") ? CommonClauses.s3Location(c) : null;
        Map<String, String> properties = Map.of();
        if (c.acceptKeyword("WITH")) {
            c.expectKeyword("DBPROPERTIES");
            properties = CommonClauses.stringProperties(c);
        }
        c.expectEnd();
        return new DdlStatement.CreateDatabase(name, ifNotExists, comment, location, properties);
    }

    private DdlStatement drop() {
        DdlStatement statement;
        if (c.acceptKeyword("DATABASE") || c.acceptKeyword("SCHEMA")) {
            boolean ifExists = ifExists();
            String name = c.identifier();
            boolean cascade = false;
            if (c.acceptKeyword("CASCADE")) {
                cascade = true;
            } else {
                c.acceptKeyword("RESTRICT");
            }
            statement = new DdlStatement.DropDatabase(name, ifExists, cascade);
        } else if (c.acceptKeyword("VIEW")) {
            boolean ifExists = ifExists();
            statement = new DdlStatement.DropView(c.qualifiedName(), ifExists);
        } else {
            c.expectKeyword("TABLE");
            boolean ifExists = ifExists();
            statement = new DdlStatement.DropTable(c.qualifiedName(), ifExists);
        }
        c.expectEnd();
        return statement;
    }

    private boolean ifExists() {
        if (c.acceptKeyword("IF")) {
            c.expectKeyword("EXISTS");
            return true;
        }
        return false;
    }
}
