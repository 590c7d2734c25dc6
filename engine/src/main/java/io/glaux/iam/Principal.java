package io.glaux.iam;

import java.util.Objects;

/**
 * Who makes a request, as AWS names it in a denial and in {@code sts:GetCallerIdentity}.
 *
 * @param type what kind of principal it is
 * @param arn the caller's ARN: {@code arn:aws:iam::<account>:root}, {@code arn:aws:iam::<account>:user/<path><name>},
 *     {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}, or a service's name such as
 *     {@code quicksight.amazonaws.com}; {@code *} for an anonymous caller
 * @param accountId the 12-digit account the principal belongs to (null for anonymous callers and services)
 * @param userId the id AWS reports as {@code UserId}: the account id for root, {@code AIDA...} for a user,
 *     {@code AROA...:<session>} for a role session
 * @param identityArn the IAM entity whose identity policies apply: the user's ARN, the assumed role's ARN (with its
 *     path), the root ARN for root; the service or {@code *} otherwise
 * @param sessionKeyId the temporary access key id of the STS role session the caller signs with ({@code ASIA...}),
 *     or null: it names the session whose session policies limit the caller (two sessions of one role may share a
 *     name and ARN, yet not their session policies)
 */
public record Principal(Type type, String arn, String accountId, String userId, String identityArn,
        String sessionKeyId) {

    /** The kinds of caller AWS's policy evaluation tells apart. */
    public enum Type {
        /** The account's root user: identity policies do not limit it. */
        ROOT,
        /** An IAM user, signing with its access key. */
        USER,
        /** A session of an assumed IAM role, signing with temporary credentials. */
        ASSUMED_ROLE,
        /** An AWS service acting on its own behalf ({@code quicksight.amazonaws.com}). */
        SERVICE,
        /** An unsigned request. */
        ANONYMOUS
    }

    public Principal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(identityArn, "identityArn");
    }

    /** The root user of {@code accountId}. */
    public static Principal root(String accountId) {
        String arn = "arn:aws:iam::" + accountId + ":root";
        return new Principal(Type.ROOT, arn, accountId, accountId, arn, null);
    }

    /**
     * The IAM user {@code name} under {@code path} ({@code /} or {@code /division/}) with the given unique id
     * ({@code AIDA...}).
     */
    public static Principal user(String accountId, String path, String name, String userId) {
        String arn = "arn:aws:iam::" + accountId + ":user" + normalPath(path) + name;
        return new Principal(Type.USER, arn, accountId, userId, arn, null);
    }

    /**
     * A session {@code sessionName} of the role {@code roleName} under {@code path}, whose unique id is
     * {@code roleId} ({@code AROA...}). Its ARN carries no path, as STS writes it; the role's does.
     */
    public static Principal assumedRole(String accountId, String path, String roleName, String roleId,
            String sessionName) {
        String arn = "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName;
        String roleArn = "arn:aws:iam::" + accountId + ":role" + normalPath(path) + roleName;
        return new Principal(Type.ASSUMED_ROLE, arn, accountId, roleId + ":" + sessionName, roleArn, null);
    }

    /** An AWS service principal such as {@code quicksight.amazonaws.com}. */
    public static Principal service(String serviceName) {
        return new Principal(Type.SERVICE, serviceName, null, serviceName, serviceName, null);
    }

    /** An unsigned request. */
    public static Principal anonymous() {
        return new Principal(Type.ANONYMOUS, "*", null, "anonymous", "*", null);
    }

    /** This principal as it signs with the STS session whose temporary key is {@code accessKeyId}. */
    public Principal inSession(String accessKeyId) {
        return new Principal(type, arn, accountId, userId, identityArn, accessKeyId);
    }

    /** The user's name, the role session's name, or the ARN for the others: what {@code aws:username} and denials use. */
    public String name() {
        return switch (type) {
            case USER -> arn.substring(arn.lastIndexOf('/') + 1);
            case ASSUMED_ROLE -> arn.substring(arn.lastIndexOf('/') + 1);
            default -> arn;
        };
    }

    private static String normalPath(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        if (!path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("An IAM path starts and ends with '/': " + path);
        }
        return path;
    }
}
