package io.glaux.aws.auth;

import io.glaux.iam.CredentialStore;
import io.glaux.iam.Principal;
import io.glaux.iam.SigningCredentials;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A fixed set of keys: the server's default, which knows only the account root's key {@code test}/{@code test} (the
 * key every local AWS tool is configured with), until an IAM directory is plugged in.
 */
public final class FixedCredentialStore implements CredentialStore {

    /** The access key and secret of the default root key. */
    public static final String DEFAULT_KEY = "test";

    private final Map<String, SigningCredentials> keys;

    public FixedCredentialStore(Collection<SigningCredentials> keys) {
        Map<String, SigningCredentials> byId = new LinkedHashMap<>();
        keys.forEach(key -> byId.put(key.accessKeyId(), key));
        this.keys = Map.copyOf(byId);
    }

    /** Only the root key {@code test}/{@code test} of {@code accountId}. */
    public static FixedCredentialStore rootKey(String accountId) {
        return new FixedCredentialStore(java.util.List.of(new SigningCredentials(DEFAULT_KEY, DEFAULT_KEY, null, null,
                true, Principal.root(accountId))));
    }

    @Override
    public Optional<SigningCredentials> find(String accessKeyId) {
        return Optional.ofNullable(accessKeyId == null ? null : keys.get(accessKeyId));
    }
}
