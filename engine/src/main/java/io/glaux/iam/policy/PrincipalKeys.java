package io.glaux.iam.policy;

import io.glaux.iam.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The condition keys AWS adds to every request from who makes it and when: {@code aws:PrincipalArn} (the role's ARN
 * for a role session), {@code aws:PrincipalAccount}, {@code aws:PrincipalType}, {@code aws:userid},
 * {@code aws:username} (IAM users only), {@code aws:PrincipalIsAWSService}, {@code aws:PrincipalServiceName},
 * {@code aws:CurrentTime} and {@code aws:EpochTime}. They replace any key of the same name the request carried, as a
 * caller cannot choose them.
 */
final class PrincipalKeys {

    private PrincipalKeys() {
    }

    static RequestKeys of(Principal principal, Map<String, List<String>> requestContext, Clock clock) {
        Map<String, List<String>> keys = new LinkedHashMap<>(requestContext);
        switch (principal.type()) {
            case ROOT -> put(keys, "aws:PrincipalType", "Account");
            case USER -> {
                put(keys, "aws:PrincipalType", "User");
                put(keys, "aws:username", principal.name());
            }
            case ASSUMED_ROLE -> put(keys, "aws:PrincipalType", "AssumedRole");
            case ANONYMOUS -> put(keys, "aws:PrincipalType", "Anonymous");
            case SERVICE -> put(keys, "aws:PrincipalServiceName", principal.arn());
        }
        if (principal.type() != Principal.Type.SERVICE && principal.type() != Principal.Type.ANONYMOUS) {
            put(keys, "aws:PrincipalArn", principal.identityArn());
        }
        if (principal.accountId() != null) {
            put(keys, "aws:PrincipalAccount", principal.accountId());
        }
        if (principal.userId() != null) {
            put(keys, "aws:userid", principal.userId());
        }
        put(keys, "aws:PrincipalIsAWSService", String.valueOf(principal.type() == Principal.Type.SERVICE));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        put(keys, "aws:CurrentTime", now.toString());
        put(keys, "aws:EpochTime", String.valueOf(now.getEpochSecond()));
        return RequestKeys.of(keys);
    }

    /** Sets {@code key}, dropping a request key that differs from it only in case. */
    private static void put(Map<String, List<String>> keys, String key, String value) {
        keys.keySet().removeIf(existing -> existing.equalsIgnoreCase(key));
        keys.put(key, List.of(value));
    }
}
