package io.glaux.quicksight.api;

import io.glaux.quicksight.role.EffectivePermissions;
import io.glaux.quicksight.role.ResourceAccess;
import io.glaux.quicksight.role.RoleKeys;

import java.util.List;
import java.util.function.Supplier;

/**
 * What the "Security &amp; permissions" endpoints work on: the settings kept as the service role's policies, the
 * role's effective permissions, and the buckets, Lambda functions and KMS keys there are to show them for.
 *
 * @param roleArn the service role's ARN
 * @param buckets the buckets of the store, by name
 * @param functions the Lambda functions Glaux hosts, by name
 * @param keys the KMS keys of the role's account and region, which name the keys workgroups encrypt results with
 */
public record SecuritySettings(String roleArn, ResourceAccess access, EffectivePermissions permissions,
        Supplier<List<String>> buckets, Supplier<List<String>> functions, RoleKeys keys) {
}
