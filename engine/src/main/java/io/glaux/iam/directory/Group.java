package io.glaux.iam.directory;

import java.time.Instant;

/** An IAM group: the policies of a group apply to its users. Its id starts with {@code AGPA}. */
public record Group(String name, String path, String id, String arn, Instant createDate) {
}
