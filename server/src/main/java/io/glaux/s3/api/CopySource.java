package io.glaux.s3.api;

/**
 * The object an {@code x-amz-copy-source} header names: {@code [/]bucket/key}, URL-encoded, optionally followed by
 * {@code ?versionId=null} (the only version Glaux keeps).
 */
record CopySource(String bucket, String key) {

    static CopySource parse(String header) {
        String value = header.trim();
        int question = value.indexOf('?');
        String path = question < 0 ? value : value.substring(0, question);
        if (question >= 0) {
            String query = value.substring(question + 1);
            for (String pair : query.split("&")) {
                if (pair.startsWith("versionId=")) {
                    ObjectOperations.checkVersionId(S3Request.decode(pair.substring("versionId=".length()), false,
                            header));
                }
            }
        }
        String decoded = S3Request.decode(path, false, header);
        if (decoded.startsWith("/")) {
            decoded = decoded.substring(1);
        }
        int slash = decoded.indexOf('/');
        if (slash <= 0 || slash == decoded.length() - 1) {
            throw S3Errors.invalidArgument("Copy Source must mention the source bucket and key:"
                    + " sourcebucket/sourcekey", "x-amz-copy-source", header);
        }
        CopySource source = new CopySource(decoded.substring(0, slash), decoded.substring(slash + 1));
        S3Backend.checkNames(source.bucket(), source.key());
        return source;
    }
}
