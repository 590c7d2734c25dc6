package io.glaux.storage.crypto;

import io.glaux.iam.Principal;

/**
 * Who uses KMS keys when a service reads or writes an encrypted object for a caller: the {@link KeyUser} that asks
 * KMS as {@code principal} through {@code viaService}, or null when Glaux uses its keys itself (no caller, or IAM not
 * enforced, where nothing would be refused).
 */
@FunctionalInterface
public interface KeyUsers {

    /** Glaux uses every key itself. */
    KeyUsers GLAUX = (principal, viaService) -> null;

    /** @param principal the caller, or null for Glaux's own work */
    KeyUser of(Principal principal, String viaService);
}
