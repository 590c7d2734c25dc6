/**
 * AWS's JSON policy language and its evaluation logic, pure Java.
 *
 * <p>{@link io.glaux.iam.policy.PolicyDocument#parse} validates a policy as IAM, S3 and KMS do when it is stored
 * (identity, resource or trust policy: {@link io.glaux.iam.policy.PolicyDocument.Kind}) and refuses a bad one with a
 * {@link io.glaux.iam.policy.MalformedPolicyDocumentException} in their words. A parsed document's
 * {@link io.glaux.iam.policy.Statement}s match actions case-insensitively and resources case-sensitively with
 * {@code *}/{@code ?} wildcards and policy variables, and test conditions with every AWS operator.
 *
 * <p>{@link io.glaux.iam.policy.PolicyEvaluator} decides an {@link io.glaux.iam.AccessRequest} against a
 * {@link io.glaux.iam.policy.PolicySet} (identity policies, an optional resource policy combined as S3/Lambda/trust
 * policies do or as a KMS key policy does, a session policy, a permissions boundary) and answers an
 * {@link io.glaux.iam.Decision} with AWS's reason and the grant that would change it. Who the caller is and which
 * policies are theirs is the IAM directory's business; this package only reads policies.
 */
package io.glaux.iam.policy;
