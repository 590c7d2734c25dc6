package io.glaux.connectors.lambda;

/**
 * How the rest of Glaux calls a Lambda function (Athena's federated catalogs call their connectors through this),
 * as a synchronous {@code RequestResponse} invocation of {@code $LATEST}.
 */
public interface FunctionInvoker {

    /**
     * Runs the function once with {@code payload} as its input and waits for its answer.
     *
     * @param functionNameOrArn a bare name ({@code my-connector}), a partial ARN
     *                          ({@code 000000000000:function:my-connector}) or a full ARN
     *                          ({@code arn:aws:lambda:us-east-1:000000000000:function:my-connector}), optionally
     *                          qualified {@code :$LATEST}
     * @param payload the input the handler reads from its InputStream (Athena's connectors take JSON)
     * @return the answer; a function that failed (threw, timed out, exited) is an answer too, with
     *         {@link Invocation#functionError()} set and Lambda's error JSON as its payload
     * @throws LambdaException {@code NOT_FOUND} for a function that does not exist here (another region, account or
     *                         qualifier included), {@code CONFLICT} when it is not Active (still Pending after a
     *                         short wait, or Failed), {@code THROTTLED} when all its processes stayed busy
     */
    Invocation invoke(String functionNameOrArn, byte[] payload);
}
