package io.glaux.saved;

import java.time.Instant;

/**
 * An Athena named (saved) query: a name, an optional description, the database it belongs to and its SQL, kept in a
 * workgroup. The ClientRequestToken it was created with makes CreateNamedQuery idempotent.
 */
public record NamedQuery(String namedQueryId, String name, String description, String database, String queryString,
                         String workGroup, String clientRequestToken, Instant creationTime) {

    NamedQuery withChanges(String newName, String newDescription, String newQueryString) {
        return new NamedQuery(namedQueryId, newName, newDescription, database, newQueryString, workGroup,
                clientRequestToken, creationTime);
    }

    /** Whether a repeated CreateNamedQuery asks for this same query. */
    boolean sameDefinition(String otherName, String otherDescription, String otherDatabase, String otherQueryString,
                           String otherWorkGroup) {
        return name.equals(otherName) && java.util.Objects.equals(description, otherDescription)
                && database.equals(otherDatabase) && queryString.equals(otherQueryString)
                && workGroup.equals(otherWorkGroup);
    }
}
