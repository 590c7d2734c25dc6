package io.glaux.quicksight.role;

import io.glaux.iam.directory.IamAuthorizer;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.iam.policy.PolicyEvaluator;
import io.glaux.iam.policy.ResourcePolicies;
import io.glaux.kms.KeyPolicyLookup;
import io.glaux.kms.KeyStore;
import io.glaux.kms.Kms;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * QuickSight's service role as a server sets it up, without HTTP: an IAM directory with the role (default settings:
 * Athena access, no bucket, no key), the key service of its account and region, and the authorizer evaluating the
 * role's policies with the keys' key policies taking part.
 */
final class RoleFixture {

    static final String REGION = "us-east-1";

    final IamDirectory iam = IamDirectory.builder().build();
    final Kms kms;
    final KeyStore keys;
    final IamAuthorizer authorizer;
    final QuickSightRole role;
    final ResourceAccess access;

    RoleFixture(Path data) {
        kms = new Kms(data, Clock.systemUTC(), false);
        keys = kms.store(iam.accountId(), REGION);
        authorizer = new IamAuthorizer(iam, ResourcePolicies.byService(Map.of("kms", new KeyPolicyLookup(kms))),
                new PolicyEvaluator(Clock.systemUTC()));
        role = QuickSightRole.in(iam, authorizer, REGION, new ResourceAccess.Settings(true, List.of(), List.of()));
        access = new ResourceAccess(iam, REGION, RoleKeys.in(keys));
    }

    /** The role's permissions as the settings page shows them. */
    EffectivePermissions permissions() {
        return new EffectivePermissions(authorizer, role.principal(), iam.accountId(), REGION);
    }

    /** A new customer managed key with the default key policy (the account's IAM policies decide). */
    String newKey(String description) {
        return keys.createKey(description, null, Map.of()).arn();
    }

    /** The ARN of a customer managed policy of the role's path. */
    String policyArn(String name) {
        return "arn:aws:iam::" + iam.accountId() + ":policy" + QuickSightRole.PATH + name;
    }
}
