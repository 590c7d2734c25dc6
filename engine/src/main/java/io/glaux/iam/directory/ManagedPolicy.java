package io.glaux.iam.directory;

import java.time.Instant;

/**
 * A managed policy as IAM's GetPolicy answers it: a customer managed one
 * ({@code arn:aws:iam::<account>:policy<path><name>}) or one of the AWS managed ones Glaux knows
 * ({@code arn:aws:iam::aws:policy/...}).
 *
 * @param id {@code ANPA} and 16 characters
 * @param description empty when none
 * @param attachmentCount how many users, groups and roles it is attached to
 * @param awsManaged whether AWS manages it (it cannot be changed or deleted)
 */
public record ManagedPolicy(String name, String path, String id, String arn, String description,
        String defaultVersionId, int attachmentCount, Instant createDate, Instant updateDate, boolean awsManaged) {

    public ManagedPolicy {
        description = description == null ? "" : description;
    }

    ManagedPolicy withAttachmentCount(int count) {
        return new ManagedPolicy(name, path, id, arn, description, defaultVersionId, count, createDate, updateDate,
                awsManaged);
    }

    ManagedPolicy withDefaultVersion(String versionId, Instant updated) {
        return new ManagedPolicy(name, path, id, arn, description, versionId, attachmentCount, createDate, updated,
                awsManaged);
    }
}
