package io.glaux.exec;

/** Athena's StatementType. */
public enum StatementType { DDL, DML, UTILITY }
