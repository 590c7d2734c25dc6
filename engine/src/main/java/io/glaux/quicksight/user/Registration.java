package io.glaux.quicksight.user;

import java.util.Map;

/**
 * What RegisterUser is given.
 *
 * @param identityType IAM or QUICKSIGHT
 * @param email the user's email address
 * @param role the user's QuickSight role (READER, AUTHOR, ADMIN, ...)
 * @param iamArn the IAM user or role (IAM identity type)
 * @param sessionName the role session's name (a role's user)
 * @param userName the user's name (QUICKSIGHT identity type; an IAM user's name comes from IAM)
 * @param customPermissionsName a custom permissions profile, or null
 * @param tags the user's tags
 */
public record Registration(String identityType, String email, String role, String iamArn, String sessionName,
        String userName, String customPermissionsName, Map<String, String> tags) {
}
