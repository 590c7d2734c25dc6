package io.glaux.catalog.ddl;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.catalog.TypeSyntaxException;
import io.glaux.storage.S3Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Clauses several statements share: column lists, types, property lists, partition specs, S3 locations. */
final class CommonClauses {

    private CommonClauses() {
    }

    /** {@code (name type [COMMENT 'x'], ...)}; duplicate names are errors. */
    static List<Column> columnList(TokenCursor c) {
        return columnList(c, List.of());
    }

    /** A PARTITIONED BY column list: like {@link #columnList(TokenCursor)}, and no name may be a data column. */
    static List<Column> columnList(TokenCursor c, List<Column> dataColumns) {
        c.expectSymbol('(');
        List<Column> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        do {
            Token nameToken = c.hiveNameToken();
            String name = nameToken.value().toLowerCase(Locale.ROOT);
            if (!names.add(name)) {
                throw c.errorAt(nameToken, "Duplicate column name: " + name);
            }
            if (dataColumns.stream().anyMatch(col -> col.name().equals(name))) {
                throw c.errorAt(nameToken, "Column repeated in partitioning columns: " + name);
            }
            AthenaType type = type(c);
            String comment = c.acceptKeyword("COMMENT") ? c.expectString().value() : null;
            columns.add(new Column(name, type, comment));
        } while (c.acceptSymbol(','));
        c.expectSymbol(')');
        return columns;
    }

    /**
     * A column type, read up to the ',' or ')' or COMMENT that ends it and handed to {@link AthenaType#parse}; a bad
     * type is a syntax error at the offending character.
     */
    static AthenaType type(TokenCursor c) {
        c.expect("<type>");
        Token first = c.peek();
        if (!first.isIdentifier()) {
            throw c.mismatch();
        }
        Token last = null;
        int depth = 0;
        while (true) {
            Token t = c.peek();
            if (t.kind() == Token.Kind.EOF || (depth == 0 && (t.isSymbol(',') || t.isSymbol(')')
                    || t.isKeyword("COMMENT")))) {
                break;
            }
            if (t.isSymbol('<') || t.isSymbol('(')) {
                depth++;
            } else if (t.isSymbol('>') || t.isSymbol(')')) {
                depth--;
            }
            last = c.next();
        }
        if (last == null) {
            throw c.mismatch();
        }
        String text = c.sql().substring(first.offset(), last.end());
        try {
            return AthenaType.parse(text);
        } catch (TypeSyntaxException e) {
            int offset = Math.min(first.offset() + e.offset(), last.end());
            throw c.errorAt(offset, capitalize(e.reason()) + " in type '" + text + "'");
        } catch (IllegalArgumentException e) {
            throw c.errorAt(first, e.getMessage());
        }
    }

    /** {@code ('k'='v', ...)}: string keys and values, in order; a repeated key keeps the last value. */
    static Map<String, String> stringProperties(TokenCursor c) {
        c.expectSymbol('(');
        Map<String, String> properties = new LinkedHashMap<>();
        if (c.atSymbol(')')) {
            c.next();
            return properties;
        }
        do {
            String key = c.expectString().value();
            c.expectSymbol('=');
            properties.put(key, c.expectString().value());
        } while (c.acceptSymbol(','));
        c.expectSymbol(')');
        return properties;
    }

    /**
     * {@code (key = 'value' | number, ...)}: a PARTITION clause's spec; keys lower case, in order. The Hive type of
     * each value's literal goes to {@code literalTypes}.
     */
    static Map<String, String> partitionSpec(TokenCursor c, Map<String, String> literalTypes) {
        c.expectSymbol('(');
        Map<String, String> values = new LinkedHashMap<>();
        do {
            Token keyToken = c.identifierToken();
            String key = keyToken.value().toLowerCase(Locale.ROOT);
            c.expectSymbol('=');
            c.expect("<number>");
            String value;
            if (c.atString()) {
                value = c.next().value();
                literalTypes.put(key, "string");
            } else if (c.peek().kind() == Token.Kind.NUMBER) {
                value = c.next().text();
                literalTypes.put(key, numberType(value));
            } else {
                throw c.mismatch();
            }
            if (values.put(key, value) != null) {
                throw c.errorAt(keyToken, "Duplicate partition key: " + key);
            }
        } while (c.acceptSymbol(','));
        c.expectSymbol(')');
        return values;
    }

    /** How Hive types a number literal: the narrowest of int and bigint that holds it, else double. */
    private static String numberType(String text) {
        try {
            Integer.parseInt(text);
            return "int";
        } catch (NumberFormatException notInt) {
            try {
                Long.parseLong(text);
                return "bigint";
            } catch (NumberFormatException notLong) {
                return "double";
            }
        }
    }

    /** A string literal that must be an s3:// location; returns it as written. */
    static String s3Location(TokenCursor c) {
        Token token = c.expectString();
        try {
            S3Location.parse(token.value());
        } catch (IllegalArgumentException e) {
            throw c.errorAt(token, e.getMessage());
        }
        return token.value();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
