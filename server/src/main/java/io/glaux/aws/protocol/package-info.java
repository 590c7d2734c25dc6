/**
 * The AWS protocols Glaux speaks, once for every service: AWS JSON 1.1 ({@link io.glaux.aws.protocol.AwsJsonProtocol},
 * Athena) and REST-JSON ({@link io.glaux.aws.protocol.RestJsonProtocol}, QuickSight), with the request members read
 * against the model's constraints ({@link io.glaux.aws.protocol.JsonInput}), paging, size and media-type checks, each
 * service's error shapes ({@link io.glaux.aws.protocol.ErrorStyle}, {@link io.glaux.aws.protocol.ServiceError}) and a
 * {@link io.glaux.aws.protocol.RequestContext} for every call. A service is a thin package of handlers beside this
 * one ({@code io.glaux.athena.api}, {@code io.glaux.quicksight.api}); S3's XML protocol is {@code io.glaux.s3.api}.
 */
package io.glaux.aws.protocol;
