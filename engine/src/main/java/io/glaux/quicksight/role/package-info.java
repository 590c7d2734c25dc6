/**
 * QuickSight's service role, {@code aws-quicksight-service-role-v0} under {@code /service-role/}: the identity QuickSight
 * acts as against Athena, S3, Lambda and KMS ({@link io.glaux.quicksight.role.QuickSightRole}), the "Security &amp;
 * permissions" settings written as that role's policies in IAM ({@link io.glaux.quicksight.role.ResourceAccess}; the
 * KMS keys they name resolved to key ARNs by {@link io.glaux.quicksight.role.RoleKeys}), and
 * the role's effective permissions read back from whatever is attached
 * ({@link io.glaux.quicksight.role.EffectivePermissions}). A refusal of the role names AWS's sentence and the
 * troubleshooting table's fix ({@link io.glaux.quicksight.role.Fix}).
 */
package io.glaux.quicksight.role;
