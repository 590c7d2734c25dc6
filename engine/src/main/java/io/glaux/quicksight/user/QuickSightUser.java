package io.glaux.quicksight.user;

import java.util.Map;
import java.util.Objects;

/**
 * A registered QuickSight user, as DescribeUser shows it.
 *
 * @param namespace always {@code default} (the only namespace Glaux serves)
 * @param userName the user's name: the IAM user's name, {@code <role>/<session>} for a role session, or the name
 *     given for a QuickSight-managed user
 * @param arn {@code arn:aws:quicksight:<region>:<account>:user/default/<userName>}
 * @param email the email address given at registration
 * @param role READER, AUTHOR, ADMIN, READER_PRO, AUTHOR_PRO or ADMIN_PRO
 * @param identityType IAM or QUICKSIGHT
 * @param iamArn the IAM user or role the user stands for (IAM identity type), else null
 * @param sessionName the role session's name for a role's user, else null
 * @param principalId {@code federated/iam/<IAM unique id>} (a role's: {@code <role id>:<session>}) for IAM users,
 *     {@code user/<directory>/<uuid>} for QuickSight-managed ones
 * @param active whether the user is active: IAM users are; QuickSight-managed users are not until they sign in,
 *     which no one does in Glaux
 * @param customPermissionsName the custom permissions profile named, or null (kept, not applied)
 * @param tags the tags given at registration
 */
public record QuickSightUser(String namespace, String userName, String arn, String email, String role,
        String identityType, String iamArn, String sessionName, String principalId, boolean active,
        String customPermissionsName, Map<String, String> tags) {

    public QuickSightUser {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(arn, "arn");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** This user with a new email, role and custom permissions profile (UpdateUser). */
    public QuickSightUser updated(String newEmail, String newRole, String newCustomPermissionsName) {
        return new QuickSightUser(namespace, userName, arn, newEmail, newRole, identityType, iamArn, sessionName,
                principalId, active, newCustomPermissionsName, tags);
    }
}
