package io.glaux.quicksight.user;

import io.glaux.iam.directory.IamDirectory;

import java.util.Optional;

/**
 * The IAM users and roles RegisterUser can register (IdentityType IAM): the identity an {@code IamArn} names, with the
 * unique id QuickSight's PrincipalId is made of. The server gives QuickSight its IAM directory's; an engine used
 * without IAM has none ({@link #NONE}), so only QuickSight-managed users can be registered there.
 */
@FunctionalInterface
public interface IamIdentities {

    /** No IAM identities. */
    IamIdentities NONE = arn -> Optional.empty();

    /** An IAM user or role. */
    enum Kind { USER, ROLE }

    /**
     * What RegisterUser needs of an IAM identity.
     *
     * @param kind user or role
     * @param name the user's or role's name (without its path)
     * @param uniqueId {@code AIDA...} for a user, {@code AROA...} for a role
     */
    record Identity(Kind kind, String name, String uniqueId) {
    }

    /** The IAM user or role {@code iamArn} names, when it exists. */
    Optional<Identity> find(String iamArn);

    /** The users and roles of {@code directory}. */
    static IamIdentities of(IamDirectory directory) {
        return arn -> {
            if (arn == null) {
                return Optional.empty();
            }
            Optional<Identity> user = directory.users(null).stream().filter(u -> u.arn().equals(arn)).findFirst()
                    .map(u -> new Identity(Kind.USER, u.name(), u.id()));
            return user.isPresent() ? user : directory.roleByArn(arn)
                    .map(r -> new Identity(Kind.ROLE, r.name(), r.id()));
        };
    }
}
