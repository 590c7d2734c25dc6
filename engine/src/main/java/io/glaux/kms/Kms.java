package io.glaux.kms;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Glaux's key service: one {@link KeyStore} per account and region, kept under {@code <data>/.glaux/kms/<account>/
 * <region>/} and opened the first time it is asked for. See the package documentation.
 */
public final class Kms {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Path root;
    private final Clock clock;
    private final boolean sync;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, KeyStore> stores = new ConcurrentHashMap<>();

    /**
     * @param dataFolder Glaux's data folder; the keys go to {@code .glaux/kms} inside it
     * @param clock the clock of creation and deletion dates (a test moves it to see scheduled deletion happen)
     * @param sync force every change to disk before it is answered
     */
    public Kms(Path dataFolder, Clock clock, boolean sync) {
        this.root = dataFolder.resolve(".glaux").resolve("kms");
        this.clock = Objects.requireNonNull(clock);
        this.sync = sync;
    }

    /** The store of an account (12 digits) in a region ({@code us-east-1}). */
    public KeyStore store(String accountId, String region) {
        if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
            throw new IllegalArgumentException("An AWS account id is 12 digits, not '" + accountId + "'");
        }
        if (region == null || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("Not a region name: '" + region + "'");
        }
        return stores.computeIfAbsent(accountId + "/" + region,
                name -> new KeyStore(root.resolve(accountId).resolve(region), accountId, region, clock, random, sync));
    }
}
