package io.glaux.saved;

import java.time.Instant;

/** An Athena prepared statement: SQL with {@code ?} placeholders, saved by name in a workgroup. */
public record PreparedStatement(String statementName, String workGroupName, String queryStatement,
                                String description, Instant lastModifiedTime) {
}
