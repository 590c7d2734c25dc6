/**
 * Authentication of every request Glaux serves, in front of every service: AWS Signature Version 4 as AWS specifies
 * it ({@link io.glaux.aws.auth.SigV4Verifier}: header-signed requests, presigned URLs, and the chained chunk
 * signatures of an {@code aws-chunked} upload, {@link io.glaux.aws.auth.ChunkSignatureChain}), and the
 * {@link io.glaux.aws.auth.Authenticator} that looks the access key up in an {@link io.glaux.iam.CredentialStore} and
 * turns a request into an {@link io.glaux.iam.Principal} or an {@link io.glaux.aws.auth.AuthenticationFailure} of a
 * kind each protocol answers in its own words. This package knows no protocol's error shapes and no servlet beyond
 * reading a request ({@link io.glaux.aws.auth.SignedRequest}).
 */
package io.glaux.aws.auth;
