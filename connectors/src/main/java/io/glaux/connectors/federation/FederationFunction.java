package io.glaux.connectors.federation;

/**
 * One Lambda function that speaks the Athena Query Federation protocol: a JSON request in, a JSON response out, as
 * {@code CompositeHandler.handleRequest(InputStream, OutputStream, Context)} reads and writes them. One instance per
 * function; a LAMBDA catalog with a single {@code function} gives the connector the same instance twice. Concurrent
 * queries invoke it from several threads at once, as Athena invokes a Lambda function concurrently.
 *
 * <p>Error contract of {@link #invoke}:
 * <ul>
 *   <li>the function failed (its handler threw): {@link FederationFunctionException} with Lambda's {@code errorType}
 *       and {@code errorMessage}; returning Lambda's error document ({@code {"errorType": ..., "errorMessage":
 *       ...}}) as the response means the same;</li>
 *   <li>the function could not be reached (unknown, not started, crashed, timed out): any other
 *       {@link io.glaux.error.GlauxException}, which fails the query as it is;</li>
 *   <li>any other unchecked exception is taken as thrown by the function itself (an in-process handler), and reported
 *       as a function error of that exception's class.</li>
 * </ul>
 */
public interface FederationFunction {

    /** The function as the catalog names it (a name or an ARN); Athena's error messages quote it. */
    String arn();

    /** Invokes the function synchronously with a request document and returns its response document. */
    byte[] invoke(byte[] request);
}
