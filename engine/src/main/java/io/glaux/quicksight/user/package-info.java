/**
 * QuickSight's users and groups (namespace {@code default}), kept in the data folder like the other QuickSight
 * resources, and what makes them principals of the resources' permissions: {@link io.glaux.quicksight.user.UserService}
 * (RegisterUser, DescribeUser, ListUsers, UpdateUser, DeleteUser, DeleteUserByPrincipalId),
 * {@link io.glaux.quicksight.user.GroupService} (groups and their memberships),
 * {@link io.glaux.quicksight.user.QuickSightPrincipals} (which IAM identities a user, group or namespace ARN stands for)
 * and {@link io.glaux.quicksight.user.PermissionGrants} (a resource's stored permissions as the resource policy of
 * {@code quicksight:} requests on it). No HTTP here: {@code io.glaux.quicksight.api} serves them.
 */
package io.glaux.quicksight.user;
