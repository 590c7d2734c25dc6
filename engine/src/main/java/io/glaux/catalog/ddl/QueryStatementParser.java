package io.glaux.catalog.ddl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements whose query part the engine runs: CREATE [OR REPLACE] VIEW, CTAS, INSERT INTO and UNLOAD. Only their heads
 * are parsed here; the query is kept as the exact text of the statement, with its offset.
 */
final class QueryStatementParser {

    private static final List<String> QUERY_STARTS = List.of("SELECT", "WITH", "VALUES", "TABLE");

    private final TokenCursor c;

    QueryStatementParser(TokenCursor cursor) {
        this.c = cursor;
    }

    /** After CREATE [OR REPLACE] VIEW. */
    DdlStatement.CreateView view(boolean orReplace) {
        QualifiedName name = c.sqlQualifiedName();
        c.expectKeyword("AS");
        QueryText query = query(false);
        return new DdlStatement.CreateView(name, orReplace, query.text(), query.offset());
    }

    /** After CREATE TABLE [IF NOT EXISTS] name, at WITH or AS. */
    DdlStatement.CreateTableAsSelect createTableAs(QualifiedName name, boolean ifNotExists) {
        Map<String, Object> properties = c.acceptKeyword("WITH") ? properties() : Map.of();
        c.expectKeyword("AS");
        QueryText query = query(true);
        return new DdlStatement.CreateTableAsSelect(name, ifNotExists, properties, query.text(), query.offset(),
                query.withData());
    }

    /** After INSERT. */
    DdlStatement.InsertInto insert() {
        c.expectKeyword("INTO");
        QualifiedName table = c.sqlQualifiedName();
        List<String> columns = new ArrayList<>();
        if (c.peek().isSymbol('(') && !startsQuery(c.peek(1))) {
            c.expectSymbol('(');
            do {
                columns.add(c.sqlName());
            } while (c.acceptSymbol(','));
            c.expectSymbol(')');
        }
        QueryText query = query(false);
        return new DdlStatement.InsertInto(table, columns, query.text(), query.offset());
    }

    /** After UNLOAD: {@code (query) TO 's3://...' WITH (name = value, ...)}. */
    DdlStatement.Unload unload() {
        c.expectSymbol('(');
        QueryText query = parenthesizedQuery();
        c.expectKeyword("TO");
        String location = CommonClauses.s3Location(c);
        c.expectKeyword("WITH");
        Map<String, Object> properties = properties();
        c.expectEnd();
        return new DdlStatement.Unload(location, properties, query.text(), query.offset());
    }

    /** {@code (name = value, ...)}: the WITH properties of CTAS and UNLOAD, keys lower case, in written order. */
    private Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        c.expectSymbol('(');
        do {
            String key = c.identifier();
            c.expectSymbol('=');
            properties.put(key, value());
        } while (c.acceptSymbol(','));
        c.expectSymbol(')');
        return properties;
    }

    /** A CTAS or UNLOAD property value: 'string', number, TRUE/FALSE, or ARRAY[value, ...]. */
    private Object value() {
        c.expect("<number>");
        if (c.atString()) {
            return c.next().value();
        }
        if (c.peek().kind() == Token.Kind.NUMBER) {
            String text = c.next().text();
            return text.contains(".") ? (Object) Double.valueOf(text) : (Object) Long.valueOf(text);
        }
        if (c.acceptKeyword("TRUE")) {
            return Boolean.TRUE;
        }
        if (c.acceptKeyword("FALSE")) {
            return Boolean.FALSE;
        }
        c.expectKeyword("ARRAY");
        c.expectSymbol('[');
        List<Object> items = new ArrayList<>();
        if (!c.atSymbol(']')) {
            do {
                items.add(value());
            } while (c.acceptSymbol(','));
        }
        c.expectSymbol(']');
        return List.copyOf(items);
    }

    private record QueryText(String text, int offset, boolean withData) {
    }

    private static boolean startsQuery(Token token) {
        return token.isSymbol('(') || QUERY_STARTS.stream().anyMatch(token::isKeyword);
    }

    /**
     * The rest of the statement as a query: it must start like one; a trailing ';' is not part of it, nor (for
     * CTAS) a trailing WITH [NO] DATA.
     */
    private QueryText query(boolean ctas) {
        c.switchToSqlMode();
        c.expect("'('");
        QUERY_STARTS.forEach(k -> c.expect("'" + k + "'"));
        Token first = c.peek();
        if (!startsQuery(first)) {
            throw c.mismatch();
        }
        List<Token> tokens = new ArrayList<>();
        while (c.peek().kind() != Token.Kind.EOF) {
            tokens.add(c.next());
        }
        if (tokens.get(tokens.size() - 1).isSymbol(';')) {
            tokens.remove(tokens.size() - 1);
        }
        boolean withData = true;
        if (ctas && tokens.size() > 2 && last(tokens, 0).isKeyword("DATA")) {
            if (last(tokens, 1).isKeyword("WITH")) {
                tokens.subList(tokens.size() - 2, tokens.size()).clear();
            } else if (tokens.size() > 3 && last(tokens, 1).isKeyword("NO") && last(tokens, 2).isKeyword("WITH")) {
                tokens.subList(tokens.size() - 3, tokens.size()).clear();
                withData = false;
            }
        }
        Token end = tokens.get(tokens.size() - 1);
        if (end.isSymbol(';')) {
            throw c.errorAt(end, "mismatched input ';'. Expecting: <EOF>");
        }
        return new QueryText(c.sql().substring(first.offset(), end.end()), first.offset(), withData);
    }

    /**
     * After the '(' that opens UNLOAD's query: the query up to the matching ')', which is consumed. The cursor stays
     * in SQL mode, so string literals after it follow SQL rules too.
     */
    private QueryText parenthesizedQuery() {
        c.switchToSqlMode();
        c.expect("'('");
        QUERY_STARTS.forEach(k -> c.expect("'" + k + "'"));
        Token first = c.peek();
        if (!startsQuery(first)) {
            throw c.mismatch();
        }
        Token end = first;
        int depth = 0;
        while (true) {
            Token token = c.peek();
            if (token.kind() == Token.Kind.EOF) {
                c.expect("')'");
                throw c.mismatch();
            }
            if (token.isSymbol(')') && depth == 0) {
                c.next();
                return new QueryText(c.sql().substring(first.offset(), end.end()), first.offset(), true);
            }
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')')) {
                depth--;
            }
            end = c.next();
        }
    }

    private static Token last(List<Token> tokens, int back) {
        return tokens.get(tokens.size() - 1 - back);
    }
}
