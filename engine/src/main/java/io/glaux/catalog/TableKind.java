package io.glaux.catalog;

/** Glue's TableType values Athena uses. */
public enum TableKind {
    EXTERNAL_TABLE, VIRTUAL_VIEW
}
