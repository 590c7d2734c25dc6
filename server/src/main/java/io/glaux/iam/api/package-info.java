/**
 * IAM's API in the AWS query protocol ({@link io.glaux.aws.protocol.QueryProtocol}, scope {@code iam}): thin
 * handlers over {@link io.glaux.iam.directory.IamDirectory}, one class per concern (users and keys, groups, roles,
 * managed policies, the policies of each kind of entity), with the model's constraints ({@code IamMembers}), XML
 * shapes ({@code IamShapes}), paging ({@code IamPage}) and error statuses ({@code IamErrors}).
 */
package io.glaux.iam.api;
