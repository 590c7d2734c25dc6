package io.glaux.storage.crypto;

import io.glaux.iam.Principal;
import io.glaux.kms.KmsAccess;
import java.util.Objects;

/**
 * The caller a store uses KMS keys for: its data keys are generated and decrypted as this principal, through
 * {@code viaService} ({@code s3}, {@code athena}), so the caller's policies and the key policy decide (kms:Decrypt,
 * kms:GenerateDataKey, {@code kms:ViaService}), as when S3 or Athena call KMS for their caller.
 *
 * @param region the region whose KMS keys an unqualified key reference ({@code alias/aws/s3}) names
 */
public record KeyUser(Principal principal, KmsAccess access, String region, String viaService) {

    public KeyUser {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(region, "region");
    }
}
