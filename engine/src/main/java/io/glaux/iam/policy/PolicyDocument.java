package io.glaux.iam.policy;

import java.util.List;
import java.util.Optional;

/**
 * A validated, immutable AWS JSON policy: an identity policy (managed or inline), a resource policy (bucket, key,
 * function), or a role's trust policy. {@link #parse} checks it as IAM, S3 and KMS do when it is stored and refuses a
 * bad one with their wording; {@link #text()} keeps the JSON exactly as it was given, for the Get* operations.
 */
public final class PolicyDocument {

    /** The language version that enables policy variables. */
    public static final String VERSION_2012_10_17 = "2012-10-17";
    /** The original version, assumed when a policy names none: policy variables are plain text in it. */
    public static final String VERSION_2008_10_17 = "2008-10-17";

    /** Where a policy is used, which decides whether it must, or must not, name a principal. */
    public enum Kind {
        /** Attached to a user, group or role (or a session policy, or a permissions boundary): no Principal. */
        IDENTITY,
        /** Attached to a resource (bucket, key, function): every statement names a Principal or NotPrincipal. */
        RESOURCE,
        /** A role's trust policy: names a Principal, has no Resource, and only STS actions. */
        TRUST
    }

    private final Kind kind;
    private final String text;
    private final String version;
    private final String id;
    private final List<Statement> statements;

    PolicyDocument(Kind kind, String text, String version, String id, List<Statement> statements) {
        this.kind = kind;
        this.text = text;
        this.version = version;
        this.id = id;
        this.statements = List.copyOf(statements);
    }

    /**
     * Parses and validates {@code json} as a policy of {@code kind}.
     *
     * @throws MalformedPolicyDocumentException with IAM's message when the document is not valid JSON or breaks the
     *     policy grammar
     */
    public static PolicyDocument parse(String json, Kind kind) {
        return new PolicyParser(kind).parse(json);
    }

    public Kind kind() {
        return kind;
    }

    /** The JSON text as given. */
    public String text() {
        return text;
    }

    /** {@code 2012-10-17} or {@code 2008-10-17} (the latter also when the document names none). */
    public String version() {
        return version;
    }

    /** Whether policy variables ({@code ${aws:username}}) are replaced: only in a 2012-10-17 policy. */
    public boolean variablesEnabled() {
        return VERSION_2012_10_17.equals(version);
    }

    /** The policy's Id element, if any. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public List<Statement> statements() {
        return statements;
    }

    @Override
    public String toString() {
        return text;
    }
}
