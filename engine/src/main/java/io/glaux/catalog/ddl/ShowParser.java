package io.glaux.catalog.ddl;

/** SHOW ... and DESCRIBE statements, after the keyword SHOW or DESCRIBE/DESC. */
final class ShowParser {

    private final TokenCursor c;

    ShowParser(TokenCursor cursor) {
        this.c = cursor;
    }

    DdlStatement show() {
        DdlStatement statement;
        if (c.acceptKeyword("DATABASES") || c.acceptKeyword("SCHEMAS")) {
            statement = new DdlStatement.ShowDatabases(likePattern());
        } else if (c.acceptKeyword("TABLES")) {
            String database = c.acceptKeyword("IN") ? c.identifier() : null;
            String pattern = c.atString() ? c.next().value() : null;
            statement = new DdlStatement.ShowTables(database, pattern);
        } else if (c.acceptKeyword("VIEWS")) {
            String database = c.acceptKeyword("IN") ? c.identifier() : null;
            statement = new DdlStatement.ShowViews(database, likePattern());
        } else if (c.acceptKeyword("COLUMNS")) {
            statement = new DdlStatement.ShowColumns(showColumnsTarget());
        } else if (c.acceptKeyword("PARTITIONS")) {
            statement = new DdlStatement.ShowPartitions(c.qualifiedName());
        } else if (c.acceptKeyword("TBLPROPERTIES")) {
            QualifiedName table = c.qualifiedName();
            String property = null;
            if (c.acceptSymbol('(')) {
                property = c.expectString().value();
                c.expectSymbol(')');
            }
            statement = new DdlStatement.ShowTableProperties(table, property);
        } else {
            c.expectKeyword("CREATE");
            if (c.acceptKeyword("VIEW")) {
                statement = new DdlStatement.ShowCreateView(c.qualifiedName());
            } else {
                c.expectKeyword("TABLE");
                statement = new DdlStatement.ShowCreateTable(c.qualifiedName());
            }
        }
        c.expectEnd();
        return statement;
    }

    DdlStatement describe() {
        DdlStatement.DescribeMode mode = DdlStatement.DescribeMode.PLAIN;
        // EXTENDED/FORMATTED followed by the end is a table of that name.
        boolean modeWord = c.peek(1).isIdentifier();
        if (modeWord && c.acceptKeyword("EXTENDED")) {
            mode = DdlStatement.DescribeMode.EXTENDED;
        } else if (modeWord && c.acceptKeyword("FORMATTED")) {
            mode = DdlStatement.DescribeMode.FORMATTED;
        }
        QualifiedName table = c.qualifiedName();
        String column = c.atIdentifier() ? c.identifier() : null;
        c.expectEnd();
        return new DdlStatement.Describe(table, mode, column);
    }

    private String likePattern() {
        return c.acceptKeyword("LIKE") ? c.expectString().value() : null;
    }

    /** {@code (IN|FROM) t [(IN|FROM) db]}. */
    private QualifiedName showColumnsTarget() {
        if (!c.acceptKeyword("FROM")) {
            c.expectKeyword("IN");
        }
        QualifiedName table = c.qualifiedName();
        if (c.acceptKeyword("FROM") || c.acceptKeyword("IN")) {
            table = new QualifiedName(table.catalog(), c.identifier(), table.name());
        }
        return table;
    }
}
