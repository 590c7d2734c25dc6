/**
 * IAM as data ({@link io.glaux.iam.directory.IamDirectory}): users and their access keys, groups, roles with trust
 * policies, customer managed policies with versions, a few AWS managed policies with AWS's documents, attachments,
 * inline policies, users' and roles' permissions boundaries, and STS sessions with their session policies. It is the
 * {@link io.glaux.iam.CredentialStore} signature checks look keys up in and the source of the policies the authorizer
 * evaluates ({@link io.glaux.iam.directory.IamDirectory#policySetOf}). Kept under {@code <data>/.glaux/iam/}, loaded
 * from a seed file described in {@code docs/iam.md}. It knows no HTTP: {@code io.glaux.iam.api} and
 * {@code io.glaux.sts.api} serve it.
 */
package io.glaux.iam.directory;
