package io.glaux.quicksight.user;

import io.glaux.quicksight.QuickSightArns;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.ResourceFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * QuickSight's users in the {@code default} namespace: RegisterUser, DescribeUser, ListUsers, UpdateUser, DeleteUser
 * and DeleteUserByPrincipalId, each user in its own file under {@code .glaux/quicksight/users/}. An IAM user is
 * registered under its IAM name, a role's session as {@code <role>/<session>}, as QuickSight names them; a
 * QuickSight-managed user under the name given.
 */
public final class UserService {

    public static final String RESOURCE_TYPE = "USER";
    public static final String IAM = "IAM";
    public static final String QUICKSIGHT = "QUICKSIGHT";

    private final ResourceFiles<QuickSightUser> users;
    private final IamIdentities identities;
    private final List<Consumer<QuickSightUser>> deletionListeners = new ArrayList<>();

    public UserService(Path folder, IamIdentities identities, boolean syncWrites) {
        this.users = new ResourceFiles<>(folder, QuickSightUser.class, QuickSightUser::userName, syncWrites);
        this.identities = identities;
    }

    /** Calls {@code listener} with each user deleted, after it is gone (groups drop it from their members). */
    public synchronized void onDelete(Consumer<QuickSightUser> listener) {
        deletionListeners.add(listener);
    }

    /** Registers a user in {@code arns}' account (RegisterUser). */
    public synchronized QuickSightUser register(QuickSightArns arns, Registration registration) {
        QuickSightUser user = switch (registration.identityType()) {
            case IAM -> iamUser(arns, registration);
            case QUICKSIGHT -> quickSightUser(arns, registration);
            default -> throw QuickSightException.invalid("IdentityType " + registration.identityType()
                    + " is not served by Glaux: register IAM or QUICKSIGHT users.");
        };
        if (users.find(user.userName()).isPresent()) {
            throw QuickSightException.exists(RESOURCE_TYPE, "The user " + user.userName() + " already exists in"
                    + " namespace " + Namespaces.DEFAULT + ".");
        }
        return users.saved(user);
    }

    private QuickSightUser iamUser(QuickSightArns arns, Registration registration) {
        if (registration.iamArn() == null) {
            throw QuickSightException.invalid("IamArn is required to register a user of IdentityType IAM.");
        }
        IamIdentities.Identity identity = identities.find(registration.iamArn()).orElseThrow(() ->
                QuickSightException.invalid("IamArn " + registration.iamArn() + " is not an IAM user or role of"
                        + " account " + arns.accountId() + "."));
        String name = identity.name();
        String principalId = "federated/iam/" + identity.uniqueId();
        String session = null;
        if (identity.kind() == IamIdentities.Kind.ROLE) {
            session = registration.sessionName();
            if (session == null) {
                throw QuickSightException.invalid("SessionName is required to register a user for the IAM role "
                        + registration.iamArn() + ": the user is the role's session of that name.");
            }
            name = identity.name() + "/" + session;
            principalId = principalId + ":" + session;
        }
        return new QuickSightUser(Namespaces.DEFAULT, name, userArn(arns, name), registration.email(),
                registration.role(), IAM, registration.iamArn(), session, principalId, true,
                registration.customPermissionsName(), registration.tags());
    }

    private QuickSightUser quickSightUser(QuickSightArns arns, Registration registration) {
        String name = registration.userName();
        if (name == null) {
            throw QuickSightException.invalid("UserName is required to register a user of IdentityType QUICKSIGHT.");
        }
        return new QuickSightUser(Namespaces.DEFAULT, name, userArn(arns, name), registration.email(),
                registration.role(), QUICKSIGHT, null, null, Directories.newPrincipalId("user", arns.accountId()),
                false, registration.customPermissionsName(), registration.tags());
    }

    /** The ARN of the user {@code name} in {@code arns}' account. */
    public static String userArn(QuickSightArns arns, String name) {
        return arns.of("user", Namespaces.DEFAULT + "/" + name);
    }

    public Optional<QuickSightUser> find(String userName) {
        return users.find(userName);
    }

    /** The user {@code userName}; ResourceNotFoundException (USER) when there is none. */
    public QuickSightUser get(String userName) {
        return find(userName).orElseThrow(() -> QuickSightException.notFound(RESOURCE_TYPE, "The user " + userName
                + " does not exist in namespace " + Namespaces.DEFAULT + "."));
    }

    /** The user whose ARN is {@code arn}, if registered. */
    public Optional<QuickSightUser> findByArn(String arn) {
        return users.list().stream().filter(u -> u.arn().equals(arn)).findFirst();
    }

    /** Every user, by name. */
    public List<QuickSightUser> list() {
        return users.list();
    }

    /** UpdateUser: a new email, role and custom permissions profile. */
    public synchronized QuickSightUser update(String userName, String email, String role,
            String customPermissionsName) {
        return users.saved(get(userName).updated(email, role, customPermissionsName));
    }

    /** DeleteUser: removes the user (and its group memberships). */
    public synchronized QuickSightUser delete(String userName) {
        QuickSightUser user = get(userName);
        users.delete(userName);
        deletionListeners.forEach(listener -> listener.accept(user));
        return user;
    }

    /** DeleteUserByPrincipalId. */
    public synchronized QuickSightUser deleteByPrincipalId(String principalId) {
        QuickSightUser user = users.list().stream().filter(u -> u.principalId().equals(principalId)).findFirst()
                .orElseThrow(() -> QuickSightException.notFound(RESOURCE_TYPE, "No user with principal id "
                        + principalId + " exists in namespace " + Namespaces.DEFAULT + "."));
        return delete(user.userName());
    }
}
