package io.glaux.storage;

import com.google.common.collect.ImmutableMultimap;
import io.minio.MinioAsyncClient;
import io.minio.errors.MinioException;
import io.minio.messages.ListBucketResultV2;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.ExecutionException;

/**
 * One ListObjectsV2 request per page. The public {@code listObjects} iterator hides IsTruncated, so telling whether a
 * page is the last would cost a second request; the client's own (protected) single-page call exposes it.
 */
final class S3ListingClient extends MinioAsyncClient {

    S3ListingClient(MinioAsyncClient client) {
        super(client);
    }

    ListBucketResultV2 page(String bucket, String prefix, String delimiter, String startAfter, int maxKeys)
            throws MinioException, GeneralSecurityException, IOException, ExecutionException, InterruptedException {
        // "url" encoding keeps keys with control characters intact through the XML response.
        ListBucketResultV2 result = listObjectsV2Async(bucket, null, delimiter, "url", startAfter, maxKeys,
                prefix == null || prefix.isEmpty() ? null : prefix, null, false, false, ImmutableMultimap.of(),
                ImmutableMultimap.of()).get().result();
        result.contents().forEach(item -> item.setEncodingType(result.encodingType()));
        return result;
    }
}
