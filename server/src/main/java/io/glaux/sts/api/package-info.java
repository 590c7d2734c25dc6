/**
 * STS's API in the AWS query protocol (scope {@code sts}) over the IAM directory's roles and sessions; who may
 * assume a role is the {@link io.glaux.sts.api.RoleTrust} seam.
 */
package io.glaux.sts.api;
