package io.glaux.catalog.ddl;

import io.glaux.catalog.Column;
import io.glaux.catalog.TableDefinition;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;

import java.util.List;

/**
 * The names Athena accepts for databases, tables, views and columns: lower-case letters, digits and the underscore
 * (names are lower-cased before they are checked, quoted or not), at most 255 characters. Every statement that
 * creates a name checks it here before anything is written, and fails with the error Athena gives for it:
 *
 * <ul>
 *   <li>Hive DDL (CREATE DATABASE, CREATE EXTERNAL TABLE, ALTER TABLE ADD/REPLACE COLUMNS) with Hive's DDLTask
 *       failure as Athena relays it: {@code FAILED: Execution Error, return code 1 from
 *       org.apache.hadoop.hive.ql.exec.DDLTask. } followed by the metastore's message ({@code x is not a valid
 *       database name}, {@code [x]: is not a valid table name}, {@code Invalid column name: x}, ...);</li>
 *   <li>CTAS and CREATE VIEW (Trino statements) with the metastore's message alone;</li>
 *   <li>a name over 255 characters with Glue's length constraint message.</li>
 * </ul>
 */
public final class AthenaNames {

    public static final int MAX_LENGTH = 255;

    static final String DDL_TASK_FAILED =
            "FAILED: Execution Error, return code 1 from org.apache.hadoop.hive.ql.exec.DDLTask. ";
    static final String TOO_LONG =
            "Value at 'name' failed to satisfy constraint: Member must have length less than or equal to 255";

    private AthenaNames() {
    }

    /** Whether {@code name} (already lower case) is a name Athena accepts. */
    public static boolean isValid(String name) {
        return hasValidCharacters(name) && name.length() <= MAX_LENGTH;
    }

    /** Non-empty, and only {@code a-z}, {@code 0-9} and {@code _}. */
    static boolean hasValidCharacters(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- Hive DDL

    /** CREATE DATABASE. */
    static void checkNewDatabase(String name) {
        if (!hasValidCharacters(name)) {
            throw ddlTask("InvalidObjectException(message:" + name + " is not a valid database name)");
        }
        checkLength(name, true);
    }

    /** CREATE EXTERNAL TABLE: the table name, then the columns, then the partition keys. */
    static void checkNewTable(TableDefinition table) {
        if (!hasValidCharacters(table.name())) {
            throw ddlTask("[" + table.name() + "]: is not a valid table name");
        }
        checkLength(table.name(), true);
        for (Column column : table.columns()) {
            if (!isValid(column.name())) {
                throw hasValidCharacters(column.name())
                        ? ddlTask(TOO_LONG)
                        : ddlTask("InvalidObjectException(message:Invalid column name: " + column.name() + ")");
            }
        }
        for (Column column : table.partitionKeys()) {
            if (!isValid(column.name())) {
                throw hasValidCharacters(column.name())
                        ? ddlTask(TOO_LONG)
                        : ddlTask("InvalidObjectException(message:Invalid partition column name: " + column.name()
                        + ")");
            }
        }
    }

    /** ALTER TABLE ADD COLUMNS / REPLACE COLUMNS. */
    static void checkAlteredColumns(List<Column> columns) {
        for (Column column : columns) {
            if (!isValid(column.name())) {
                throw hasValidCharacters(column.name())
                        ? ddlTask(TOO_LONG)
                        : ddlTask("Unable to alter table. Invalid column name: " + column.name());
            }
        }
    }

    // ---------------------------------------------------------------- CTAS and views

    /** The name of the table a CTAS creates, or of a view. */
    public static void checkNewRelation(String name) {
        if (!hasValidCharacters(name)) {
            throw GlauxException.user(name + " is not a valid object name");
        }
        checkLength(name, false);
    }

    /** The columns of a CTAS's table or of a view (the query's output names). */
    public static void checkQueryColumns(List<Column> columns) {
        for (Column column : columns) {
            if (!hasValidCharacters(column.name())) {
                throw GlauxException.user("Invalid column name: " + column.name());
            }
            checkLength(column.name(), false);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void checkLength(String name, boolean hiveDdl) {
        if (name.length() > MAX_LENGTH) {
            throw hiveDdl ? ddlTask(TOO_LONG) : GlauxException.user(TOO_LONG);
        }
    }

    private static GlauxException ddlTask(String message) {
        return new GlauxException(ErrorType.DDL_TASK_FAILED, DDL_TASK_FAILED + message);
    }
}
