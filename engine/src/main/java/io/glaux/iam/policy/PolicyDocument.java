package io.glaux.iam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Objects;

/**
 * Placeholder of the policy language's document: it only checks that a document is a JSON object with a
 * {@code Statement}, and keeps its text. The policy language replaces it.
 */
public final class PolicyDocument {

    /** Where a document is used. */
    public enum Kind { IDENTITY, RESOURCE, TRUST }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String text;
    private final Kind kind;

    private PolicyDocument(String text, Kind kind) {
        this.text = text;
        this.kind = kind;
    }

    /** Parses {@code json} as a policy of {@code kind}, or throws {@link MalformedPolicyDocumentException}. */
    public static PolicyDocument parse(String json, Kind kind) {
        Objects.requireNonNull(kind, "kind");
        JsonNode node;
        try {
            node = json == null ? null : MAPPER.readTree(json);
        } catch (IOException e) {
            throw new MalformedPolicyDocumentException("Syntax errors in policy.");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedPolicyDocumentException("Syntax errors in policy.");
        }
        if (!node.has("Statement")) {
            throw new MalformedPolicyDocumentException("Missing required field Statement");
        }
        return new PolicyDocument(json, kind);
    }

    /** The document as written. */
    public String text() {
        return text;
    }

    public Kind kind() {
        return kind;
    }
}
