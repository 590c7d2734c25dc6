/**
 * Identity and access, as the engine and every service see it: who a request is from ({@link io.glaux.iam.Principal}),
 * what it asks to do ({@link io.glaux.iam.AccessRequest}: an action such as {@code s3:GetObject} on a resource ARN,
 * with condition keys), and the one seam that answers whether it may ({@link io.glaux.iam.Authorizer}, returning a
 * {@link io.glaux.iam.Decision}; a refusal is an {@link io.glaux.iam.AccessDeniedException} that names the principal,
 * action and resource and the grant that would allow it). {@link io.glaux.iam.CredentialStore} is how a request's
 * access key is turned into its secret and principal for signature checks.
 *
 * <p>The policy language lives in {@code io.glaux.iam.policy}, the users, roles, keys and policies Glaux keeps in
 * {@code io.glaux.iam.directory}. Nothing here knows HTTP: the server authenticates a request and hands its principal
 * down; the engine asks the authorizer when a query reads a table or writes results.
 */
package io.glaux.iam;
