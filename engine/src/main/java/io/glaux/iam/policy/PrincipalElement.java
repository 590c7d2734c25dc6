package io.glaux.iam.policy;

import io.glaux.iam.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A statement's Principal or NotPrincipal: {@code "*"}, or a map from principal type ({@code AWS}, {@code Service},
 * {@code Federated}, {@code CanonicalUser}) to one name or a list of names. Checked when parsed, so that an AWS entry
 * is {@code *}, an account id or an IAM/STS principal ARN without wildcards, and a service a DNS-like name.
 */
final class PrincipalElement {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern AWS_ARN = Pattern.compile(
            "arn:aws:(iam::\\d{12}:(root|user/.+|role/.+|group/.+)|sts::\\d{12}:(assumed-role/[^/]+/.+|federated-user/.+))");
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

    private final boolean everyone;
    private final Map<String, List<String>> entries;

    private PrincipalElement(boolean everyone, Map<String, List<String>> entries) {
        this.everyone = everyone;
        this.entries = entries;
    }

    /** {@code "Principal": "*"}. */
    static PrincipalElement everyone() {
        return new PrincipalElement(true, Map.of());
    }

    /**
     * The map form; throws {@code Invalid principal in policy: "AWS":"x"} for an entry that names no principal of its
     * type, or an unknown type.
     */
    static PrincipalElement of(Map<String, List<String>> entries) {
        Map<String, List<String>> checked = new LinkedHashMap<>();
        entries.forEach((type, names) -> {
            for (String name : names) {
                if (!valid(type, name)) {
                    throw new MalformedPolicyDocumentException(
                            "Invalid principal in policy: \"" + type + "\":\"" + name + "\"");
                }
            }
            checked.put(type, List.copyOf(names));
        });
        return new PrincipalElement(false, Map.copyOf(checked));
    }

    private static boolean valid(String type, String name) {
        return switch (type) {
            case "AWS" -> name.equals("*") || ACCOUNT_ID.matcher(name).matches()
                    || (AWS_ARN.matcher(name).matches() && name.indexOf('*') < 0 && name.indexOf('?') < 0);
            case "Service" -> SERVICE.matcher(name).matches();
            case "Federated", "CanonicalUser" -> !name.isBlank();
            default -> false;
        };
    }

    /** How strongly this element names {@code principal}. */
    PrincipalMatch match(Principal principal) {
        if (everyone) {
            return PrincipalMatch.ANYONE;
        }
        PrincipalMatch best = PrincipalMatch.NONE;
        for (String name : entries.getOrDefault("AWS", List.of())) {
            best = best.or(matchAws(name, principal));
        }
        if (principal.type() == Principal.Type.SERVICE) {
            for (String name : entries.getOrDefault("Service", List.of())) {
                if (name.equalsIgnoreCase(principal.arn())) {
                    best = best.or(PrincipalMatch.EXACT);
                }
            }
        }
        return best;
    }

    private static PrincipalMatch matchAws(String name, Principal principal) {
        if (name.equals("*")) {
            return PrincipalMatch.ANYONE;
        }
        if (principal.accountId() != null && isAccount(name, principal.accountId())) {
            return PrincipalMatch.ACCOUNT;
        }
        return switch (principal.type()) {
            case USER -> name.equals(principal.arn()) ? PrincipalMatch.EXACT : PrincipalMatch.NONE;
            case ASSUMED_ROLE -> name.equals(principal.arn()) ? PrincipalMatch.EXACT
                    : name.equals(principal.identityArn()) ? PrincipalMatch.ROLE : PrincipalMatch.NONE;
            default -> PrincipalMatch.NONE;
        };
    }

    private static boolean isAccount(String name, String accountId) {
        return name.equals(accountId) || name.equals("arn:aws:iam::" + accountId + ":root");
    }

    /**
     * Whether a {@code NotPrincipal} of a Deny statement spares {@code principal}. AWS checks the caller's account
     * first, then the role, then the session, so each link must be listed: the account and the user for a user, the
     * account and the role (or the session) for a role session. AWS also documents that such a statement always denies
     * a principal that has a permissions boundary.
     */
    boolean spares(Principal principal, boolean hasBoundary) {
        if (everyone || names("AWS", "*")) {
            return true;
        }
        if (hasBoundary) {
            return false;
        }
        return switch (principal.type()) {
            case ROOT -> namesAccount(principal.accountId());
            case USER -> namesAccount(principal.accountId()) && names("AWS", principal.arn());
            case ASSUMED_ROLE -> namesAccount(principal.accountId())
                    && (names("AWS", principal.identityArn()) || names("AWS", principal.arn()));
            case SERVICE -> entries.getOrDefault("Service", List.of()).stream()
                    .anyMatch(name -> name.equalsIgnoreCase(principal.arn()));
            case ANONYMOUS -> false;
        };
    }

    private boolean namesAccount(String accountId) {
        return entries.getOrDefault("AWS", List.of()).stream().anyMatch(name -> isAccount(name, accountId));
    }

    private boolean names(String type, String name) {
        return entries.getOrDefault(type, List.of()).contains(name);
    }
}
