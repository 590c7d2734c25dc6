package io.glaux.storage.crypto;

import io.glaux.kms.DataKey;
import io.glaux.kms.DataKeySpec;
import io.glaux.kms.Kms;

import java.util.Map;
import java.util.Objects;

/**
 * Data keys from KMS for the envelopes objects are sealed with (SSE-KMS's and CSE-KMS's): generated under a key and
 * decrypted again, either by Glaux itself (no {@link KeyUser}: its own account and region, no permission asked) or as
 * a caller through a service ({@code kms:GenerateDataKey} and {@code kms:Decrypt} asked of the caller's policies, the
 * key policy and its grants, with {@code kms:ViaService}).
 */
public final class DataKeys {

    private final Kms kms;
    private final String accountId;
    private final String region;

    /**
     * @param accountId the account whose keys Glaux's own writes use
     * @param region the region of those keys
     */
    public DataKeys(Kms kms, String accountId, String region) {
        this.kms = Objects.requireNonNull(kms, "kms");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.region = Objects.requireNonNull(region, "region");
    }

    /** A new 256-bit data key under {@code keyRef} (id, ARN or alias), bound to {@code context}. */
    public DataKey generate(String keyRef, Map<String, String> context, KeyUser user) {
        return user == null
                ? kms.store(accountId, region).generateDataKey(keyRef, context, DataKeySpec.AES_256)
                : user.access().generateDataKey(user.principal(), user.region(), keyRef, context,
                DataKeySpec.AES_256, user.viaService());
    }

    /**
     * The plaintext of a data key KMS wrapped into {@code blob} under {@code context}.
     *
     * @param keyArn the wrapping key's ARN when the envelope names it (its account and region are asked); null to
     *     ask the caller's region (or Glaux's own)
     */
    public byte[] decrypt(byte[] blob, String keyArn, Map<String, String> context, KeyUser user) {
        String keyRegion = keyArn == null ? (user == null ? region : user.region()) : keyArn.split(":", 6)[3];
        String keyAccount = keyArn == null ? accountId : keyArn.split(":", 6)[4];
        return user == null
                ? kms.store(keyAccount, keyRegion).decrypt(blob, context).plaintext()
                : user.access().decrypt(user.principal(), keyRegion, blob, context, user.viaService()).plaintext();
    }
}
