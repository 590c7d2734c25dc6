package io.glaux.s3.api;

import java.io.IOException;

/** One S3 operation: reads what it needs from the request, checks it, does it and writes the answer. */
@FunctionalInterface
interface S3Operation {
    void handle(S3Request request, S3Response response) throws IOException;
}
