package io.glaux.iam.directory;

import java.time.Instant;

/**
 * A user's long-term access key.
 *
 * @param accessKeyId {@code AKIA} and 16 characters of {@code [A-Z2-7]}
 * @param secretAccessKey 40 characters
 * @param status {@code Active} or {@code Inactive}
 */
public record AccessKey(String userName, String accessKeyId, String secretAccessKey, String status,
        Instant createDate) {

    public static final String ACTIVE = "Active";
    public static final String INACTIVE = "Inactive";

    public boolean active() {
        return ACTIVE.equals(status);
    }

    AccessKey withStatus(String newStatus) {
        return new AccessKey(userName, accessKeyId, secretAccessKey, newStatus, createDate);
    }

    AccessKey ofUser(String newUserName) {
        return new AccessKey(newUserName, accessKeyId, secretAccessKey, status, createDate);
    }
}
