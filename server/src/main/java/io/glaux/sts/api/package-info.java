/**
 * STS's API over the IAM directory: GetCallerIdentity, AssumeRole and GetSessionToken. Who may assume a role is the
 * server's one authorizer's decision, the role's trust policy being the resource policy ({@link
 * io.glaux.sts.api.TrustPolicyLookup}).
 */
package io.glaux.sts.api;
