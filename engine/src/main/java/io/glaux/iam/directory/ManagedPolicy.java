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
 * @param permissionsBoundaryUsageCount how many users and roles have it as their permissions boundary
 */
public record ManagedPolicy(String name, String path, String id, String arn, String description,
        String defaultVersionId, int attachmentCount, Instant createDate, Instant updateDate, boolean awsManaged,
        int permissionsBoundaryUsageCount) {

    public ManagedPolicy {
        description = description == null ? "" : description;
    }

    /** This policy with how many entities it is attached to and how many it bounds. */
    ManagedPolicy withUsage(int count, int boundaryCount) {
        return new ManagedPolicy(name, path, id, arn, description, defaultVersionId, count, createDate, updateDate,
                awsManaged, boundaryCount);
    }

    ManagedPolicy withDefaultVersion(String versionId, Instant updated) {
        return new ManagedPolicy(name, path, id, arn, description, versionId, attachmentCount, createDate, updated,
                awsManaged, permissionsBoundaryUsageCount);
    }
}
