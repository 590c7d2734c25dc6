package io.glaux.lambda.api;

import io.glaux.connectors.lambda.FunctionHost;
import io.glaux.connectors.lambda.LambdaException;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What GetFunction's {@code Code.Location} points at: {@code GET /_glaux/lambda/functions/{name}/code}, the
 * function's deployment package as it was uploaded (Lambda answers a presigned S3 URL there).
 */
public final class CodeDownload {

    /** The route, for Javalin. */
    public static final String PATH = FunctionOperations.CODE_PATH + "{name}/code";

    private final FunctionHost host;

    public CodeDownload(FunctionHost host) {
        this.host = host;
    }

    public void get(Context ctx) throws IOException {
        Path file;
        try {
            file = host.packageFile(ctx.pathParam("name"));
        } catch (LambdaException e) {
            ctx.status(404).json(java.util.Map.of("Type", "User", "Message", e.getMessage()));
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            ctx.contentType("application/zip");
            ctx.header("Content-Length", Long.toString(Files.size(file)));
            in.transferTo(ctx.outputStream());
        }
    }
}
