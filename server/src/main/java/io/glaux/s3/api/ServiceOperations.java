package io.glaux.s3.api;

import io.glaux.storage.BucketInfo;

import java.io.IOException;
import java.util.List;

/** Operations on the service itself: ListBuckets. */
final class ServiceOperations {

    private final S3Backend backend;

    ServiceOperations(S3Backend backend) {
        this.backend = backend;
    }

    /** ListBuckets: every bucket with its creation date; {@code prefix}, {@code max-buckets} and paging if asked. */
    void listBuckets(S3Request request, S3Response response) throws IOException {
        String prefix = request.query("prefix");
        String after = ListTokens.decode(request.query("continuation-token"), "continuation-token");
        int max = ListTokens.maxKeys(request.query("max-buckets"), "max-buckets", 10_000, 10_000);
        List<BucketInfo> buckets = backend.store().buckets().stream()
                .filter(b -> prefix == null || b.name().startsWith(prefix))
                .filter(b -> after == null || b.name().compareTo(after) > 0)
                .toList();
        boolean truncated = buckets.size() > max;
        List<BucketInfo> page = truncated ? buckets.subList(0, max) : buckets;
        XmlWriter xml = XmlWriter.document("ListAllMyBucketsResult");
        S3Backend.owner(xml, "Owner");
        xml.start("Buckets");
        for (BucketInfo bucket : page) {
            String region = backend.settings().get(bucket.name()).region();
            xml.start("Bucket").element("Name", bucket.name()).element("CreationDate", bucket.created())
                    .element("BucketRegion", region == null ? "us-east-1" : region).end();
        }
        xml.end();
        if (truncated) {
            xml.element("ContinuationToken", ListTokens.encode(page.get(page.size() - 1).name()));
        }
        xml.element("Prefix", prefix);
        response.xml(xml);
    }
}
