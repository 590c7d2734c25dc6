package io.glaux.quicksight.user;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The principals a resource permission may name, and the IAM identities each stands for: a registered user (its IAM
 * user, or for a role's user the role's session of that name: {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}),
 * a group (its members'), or the namespace {@code arn:aws:quicksight:<region>:<account>:namespace/default} (every
 * registered user's). QuickSight-managed users sign no AWS requests, so they stand for no IAM identity.
 */
public final class QuickSightPrincipals {

    private static final Pattern NAMESPACE = Pattern.compile("^arn:aws:quicksight:[a-z0-9-]+:([0-9]{12}):namespace/"
            + Namespaces.DEFAULT + "$");
    private static final Pattern IAM_ARN = Pattern.compile("^arn:aws:iam::([0-9]{12}):(user|role)/.*$");

    private final UserService users;
    private final GroupService groups;

    public QuickSightPrincipals(UserService users, GroupService groups) {
        this.users = users;
        this.groups = groups;
    }

    /** Whether {@code arn} is a registered user, a group, or the default namespace of {@code accountId}. */
    public boolean registered(String arn, String accountId) {
        Matcher namespace = NAMESPACE.matcher(arn);
        if (namespace.matches()) {
            return namespace.group(1).equals(accountId);
        }
        return users.findByArn(arn).isPresent() || groups.findByArn(arn).isPresent();
    }

    /** The IAM principal ARNs {@code arn} stands for; none for an ARN that is not a registered principal. */
    public List<String> iamPrincipals(String arn) {
        if (NAMESPACE.matcher(arn).matches()) {
            return users.list().stream().flatMap(u -> iamPrincipal(u).stream()).distinct().toList();
        }
        Optional<QuickSightUser> user = users.findByArn(arn);
        if (user.isPresent()) {
            return iamPrincipal(user.get()).stream().toList();
        }
        return groups.findByArn(arn).map(g -> g.members().stream().map(users::find).flatMap(Optional::stream)
                .flatMap(u -> iamPrincipal(u).stream()).distinct().toList()).orElse(List.of());
    }

    /** The IAM principal a user signs as: its IAM user, or its role's session; none for QuickSight-managed users. */
    static Optional<String> iamPrincipal(QuickSightUser user) {
        if (!UserService.IAM.equals(user.identityType()) || user.iamArn() == null) {
            return Optional.empty();
        }
        if (user.sessionName() == null) {
            return Optional.of(user.iamArn());
        }
        Matcher iam = IAM_ARN.matcher(user.iamArn());
        if (!iam.matches()) {
            return Optional.empty();
        }
        String roleName = user.userName().substring(0, user.userName().length() - user.sessionName().length() - 1);
        return Optional.of("arn:aws:sts::" + iam.group(1) + ":assumed-role/" + roleName + "/" + user.sessionName());
    }
}
