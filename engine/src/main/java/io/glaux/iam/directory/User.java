package io.glaux.iam.directory;

import java.time.Instant;
import java.util.List;

/**
 * An IAM user as IAM answers it.
 *
 * @param name the user's name, unique in the account ignoring case
 * @param path {@code /} or {@code /division/}
 * @param id {@code AIDA} and 16 characters of {@code [A-Z2-7]}
 * @param arn {@code arn:aws:iam::<account>:user<path><name>}
 * @param permissionsBoundary the ARN of the managed policy that is the user's permissions boundary, or null
 */
public record User(String name, String path, String id, String arn, Instant createDate, List<Tag> tags,
        String permissionsBoundary) {

    public User {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    User withTags(List<Tag> newTags) {
        return new User(name, path, id, arn, createDate, newTags, permissionsBoundary);
    }

    User renamed(String newName, String newPath, String newArn) {
        return new User(newName, newPath, id, newArn, createDate, tags, permissionsBoundary);
    }

    User withPermissionsBoundary(String policyArn) {
        return new User(name, path, id, arn, createDate, tags, policyArn);
    }
}
