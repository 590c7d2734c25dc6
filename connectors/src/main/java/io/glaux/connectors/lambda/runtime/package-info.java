/**
 * The bootstrap that runs inside a function's JVM: it connects back to the host, loads the handler and runs one
 * invocation at a time. Only the JDK is used here: the function's class path holds these classes and the function's
 * own code and libraries, nothing else of Glaux's ({@code RuntimeClasses} extracts them for it).
 */
package io.glaux.connectors.lambda.runtime;
