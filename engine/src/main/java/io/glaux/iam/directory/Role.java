package io.glaux.iam.directory;

import java.time.Instant;
import java.util.List;

/**
 * An IAM role.
 *
 * @param id {@code AROA} and 16 characters of {@code [A-Z2-7]}
 * @param assumeRolePolicyDocument the trust policy's JSON, as given
 * @param description empty when none
 * @param maxSessionDuration the longest session AssumeRole grants, in seconds (3600 to 43200)
 * @param permissionsBoundary the ARN of the managed policy that is the role's (and its sessions') permissions
 *     boundary, or null
 */
public record Role(String name, String path, String id, String arn, String assumeRolePolicyDocument,
        String description, int maxSessionDuration, Instant createDate, List<Tag> tags, String permissionsBoundary) {

    /** What a role's sessions last at most unless configured: one hour. */
    public static final int DEFAULT_MAX_SESSION_DURATION = 3600;

    public Role {
        description = description == null ? "" : description;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    Role withTags(List<Tag> newTags) {
        return new Role(name, path, id, arn, assumeRolePolicyDocument, description, maxSessionDuration, createDate,
                newTags, permissionsBoundary);
    }

    Role withTrustPolicy(String document) {
        return new Role(name, path, id, arn, document, description, maxSessionDuration, createDate, tags,
                permissionsBoundary);
    }

    Role withSettings(String newDescription, int newMaxSessionDuration) {
        return new Role(name, path, id, arn, assumeRolePolicyDocument, newDescription, newMaxSessionDuration,
                createDate, tags, permissionsBoundary);
    }

    Role withPermissionsBoundary(String policyArn) {
        return new Role(name, path, id, arn, assumeRolePolicyDocument, description, maxSessionDuration, createDate,
                tags, policyArn);
    }
}
