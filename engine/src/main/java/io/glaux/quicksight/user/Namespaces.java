package io.glaux.quicksight.user;

import io.glaux.quicksight.QuickSightException;

/**
 * QuickSight namespaces: Glaux serves only {@code default} (CreateNamespace is not served), so any other namespace is
 * ResourceNotFoundException with ResourceType NAMESPACE, as QuickSight answers for a namespace it does not have.
 */
public final class Namespaces {

    public static final String DEFAULT = "default";
    public static final String RESOURCE_TYPE = "NAMESPACE";

    private Namespaces() {
    }

    /** Returns {@code namespace} when it is {@code default}; refuses any other. */
    public static String require(String namespace, String accountId) {
        if (!DEFAULT.equals(namespace)) {
            throw QuickSightException.notFound(RESOURCE_TYPE, "Namespace " + namespace + " not found in account "
                    + accountId + " (Glaux serves only the default namespace).");
        }
        return namespace;
    }
}
