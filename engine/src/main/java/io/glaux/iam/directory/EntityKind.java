package io.glaux.iam.directory;

/** The IAM identities policies are attached to or embedded in. */
public enum EntityKind {
    USER("user"),
    GROUP("group"),
    ROLE("role");

    private final String word;

    EntityKind(String word) {
        this.word = word;
    }

    /** As IAM's messages and ARNs name it: {@code user}, {@code group}, {@code role}. */
    public String word() {
        return word;
    }
}
