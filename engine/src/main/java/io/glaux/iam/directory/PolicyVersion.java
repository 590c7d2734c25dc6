package io.glaux.iam.directory;

import java.time.Instant;

/** One version ({@code v1}, {@code v2}, ...) of a managed policy: its JSON document as given. */
public record PolicyVersion(String versionId, String document, boolean isDefaultVersion, Instant createDate) {

    PolicyVersion asDefault(boolean isDefault) {
        return new PolicyVersion(versionId, document, isDefault, createDate);
    }
}
