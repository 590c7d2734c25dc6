/**
 * Lambda functions hosted locally, as Athena's federated connectors need them: {@link
 * io.glaux.connectors.lambda.FunctionHost} keeps each function's configuration and code under a folder and runs its
 * invocations in JVM processes of its own ({@link io.glaux.connectors.lambda.ProcessPool},
 * {@link io.glaux.connectors.lambda.FunctionProcess}); the rest of Glaux invokes through
 * {@link io.glaux.connectors.lambda.FunctionInvoker}. No HTTP here: Lambda's API is the server's
 * {@code io.glaux.lambda.api}. What runs inside a function's process is {@code runtime}, which uses the JDK only.
 */
package io.glaux.connectors.lambda;
