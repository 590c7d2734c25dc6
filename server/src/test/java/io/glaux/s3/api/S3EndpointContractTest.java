package io.glaux.s3.api;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The S3 endpoint's contract, as the AWS SDK for Java v2 sees it, whatever store Glaux keeps objects in: buckets,
 * objects, listings, bucket configuration, copies and checksums. Multipart uploads, integrity, names, hostile
 * requests and the engine's view of the same objects are in {@link S3EndpointSafetyContract}; each store runs both
 * ({@code S3EndpointOver*StoreTest}).
 */
abstract class S3EndpointContractTest extends S3EndpointSafetyContract {

    @Test
    void bucketsAreListedWithCreationDatesIncludingTheEnginesOwn() throws Exception {
        String bucket = newBucket("listed");
        var listed = s3.listBuckets().buckets();
        assertThat(listed).extracting(b -> b.name()).contains(bucket, sampleBucket(), queryResultsBucket());
        assertThat(listed).allSatisfy(b -> assertThat(b.creationDate()).isBefore(Instant.now().plusSeconds(5)));
        assertThat(listed).extracting(b -> b.name()).isSorted();
        assertThat(keys(sampleBucket(), "")).isNotEmpty();
    }

    @Test
    void creatingAnExistingBucketIsFineInUsEast1AndBucketAlreadyOwnedByYouElsewhere() {
        String bucket = newBucket("again");
        s3.createBucket(b -> b.bucket(bucket));
        String european = "eu-" + bucket;
        s3.createBucket(b -> b.bucket(european).createBucketConfiguration(c -> c
                .locationConstraint(BucketLocationConstraint.EU_WEST_1)));
        assertThat(s3.getBucketLocation(b -> b.bucket(european)).locationConstraintAsString()).isEqualTo("eu-west-1");
        assertThat(s3.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString()).isNullOrEmpty();
        assertS3Error(() -> s3.createBucket(b -> b.bucket(european).createBucketConfiguration(c -> c
                .locationConstraint(BucketLocationConstraint.EU_WEST_1))), 409, "BucketAlreadyOwnedByYou");
        s3.headBucket(b -> b.bucket(bucket));
    }

    @Test
    void deletingABucketNeedsItEmptyAndExisting() {
        String bucket = newBucket("doomed");
        put(bucket, "k", "v");
        assertS3Error(() -> s3.deleteBucket(b -> b.bucket(bucket)), 409, "BucketNotEmpty");
        s3.deleteObject(b -> b.bucket(bucket).key("k"));
        s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(Tag.builder().key("a").value("1").build())));
        s3.deleteBucket(b -> b.bucket(bucket));
        assertS3Error(() -> s3.deleteBucket(b -> b.bucket(bucket)), 404, "NoSuchBucket");
        assertS3Error(() -> s3.headBucket(b -> b.bucket(bucket)), 404, null);
        assertS3Error(() -> s3.listObjectsV2(b -> b.bucket(bucket)), 404, "NoSuchBucket");
        s3.createBucket(b -> b.bucket(bucket));
        assertS3Error(() -> s3.getBucketTagging(b -> b.bucket(bucket)), 404, "NoSuchTagSet");
    }

    @Test
    void bucketNamesBreakingS3sRulesAreInvalidBucketName() throws Exception {
        for (String name : List.of("BadBucket", "bucket_under", "a..b", "abc-", "xn--abc", "abc-s3alias",
                "a".repeat(64), "ab", "192.168.1.1", "-abc")) {
            assertXmlError(raw.send("PUT", "/" + name, null), 400, "InvalidBucketName");
        }
        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).noneMatch(n -> n.contains("_"));
    }

    @Test
    void objectsKeepTheirHeadersMetadataAndTags() {
        String bucket = newBucket("objects");
        Instant expires = Instant.parse("2030-01-01T00:00:00Z");
        s3.putObject(b -> b.bucket(bucket).key("docs/report.csv").contentType("text/csv")
                .contentDisposition("attachment; filename=report.csv").contentLanguage("en")
                .cacheControl("max-age=60").expires(expires).metadata(Map.of("owner", "ana", "Team", "data"))
                .tagging("tier=gold&team=data%20eng"), RequestBody.fromString("a,b\n1,2\n"));
        ResponseBytes<GetObjectResponse> object = s3.getObject(b -> b.bucket(bucket).key("docs/report.csv"),
                ResponseTransformer.toBytes());
        GetObjectResponse response = object.response();
        assertThat(object.asUtf8String()).isEqualTo("a,b\n1,2\n");
        assertThat(response.contentType()).isEqualTo("text/csv");
        assertThat(response.contentDisposition()).isEqualTo("attachment; filename=report.csv");
        assertThat(response.contentLanguage()).isEqualTo("en");
        assertThat(response.cacheControl()).isEqualTo("max-age=60");
        assertThat(response.expires()).isEqualTo(expires);
        assertThat(response.metadata()).containsEntry("owner", "ana").containsEntry("team", "data");
        assertThat(response.tagCount()).isEqualTo(2);
        assertThat(response.eTag()).isEqualTo("\"" + md5Hex("a,b\n1,2\n") + "\"");
        var head = s3.headObject(b -> b.bucket(bucket).key("docs/report.csv"));
        assertThat(head.contentLength()).isEqualTo(8);
        assertThat(head.eTag()).isEqualTo(response.eTag());
        assertThat(s3.getObjectTagging(b -> b.bucket(bucket).key("docs/report.csv")).tagSet())
                .extracting(Tag::key, Tag::value).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("team", "data eng"),
                        org.assertj.core.groups.Tuple.tuple("tier", "gold"));
        s3.putObjectTagging(b -> b.bucket(bucket).key("docs/report.csv").tagging(t -> t.tagSet(
                Tag.builder().key("x").value("y").build())));
        assertThat(s3.getObjectTagging(b -> b.bucket(bucket).key("docs/report.csv")).tagSet()).hasSize(1);
        assertThat(s3.headObject(b -> b.bucket(bucket).key("docs/report.csv")).eTag()).isEqualTo(response.eTag());
        assertThat(s3.getObjectAcl(b -> b.bucket(bucket).key("docs/report.csv")).grants())
                .extracting(g -> g.permission()).containsExactly(Permission.FULL_CONTROL);
        s3.deleteObject(b -> b.bucket(bucket).key("docs/report.csv"));
        s3.deleteObject(b -> b.bucket(bucket).key("docs/report.csv"));
        assertS3Error(() -> s3.getObject(b -> b.bucket(bucket).key("docs/report.csv")), 404, "NoSuchKey");
        assertS3Error(() -> s3.headObject(b -> b.bucket(bucket).key("docs/report.csv")), 404, null);
    }

    @Test
    void rangesAndConditionsAreS3s() {
        String bucket = newBucket("ranges");
        put(bucket, "digits", "0123456789");
        var range = s3.getObject(b -> b.bucket(bucket).key("digits").range("bytes=2-4"), ResponseTransformer.toBytes());
        assertThat(range.asUtf8String()).isEqualTo("234");
        assertThat(range.response().contentRange()).isEqualTo("bytes 2-4/10");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("digits").range("bytes=-3")).asUtf8String())
                .isEqualTo("789");
        assertS3Error(() -> s3.getObject(b -> b.bucket(bucket).key("digits").range("bytes=10-")), 416, "InvalidRange");
        String etag = s3.headObject(b -> b.bucket(bucket).key("digits")).eTag();
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS);
        Instant earlier = Instant.now().minus(1, ChronoUnit.HOURS);
        assertS3Error(() -> s3.getObject(b -> b.bucket(bucket).key("digits").ifMatch("\"nope\"")), 412,
                "PreconditionFailed");
        assertS3Error(() -> s3.getObject(b -> b.bucket(bucket).key("digits").ifUnmodifiedSince(earlier)), 412,
                "PreconditionFailed");
        assertS3Error(() -> s3.getObject(b -> b.bucket(bucket).key("digits").ifNoneMatch(etag)), 304, null);
        assertS3Error(() -> s3.headObject(b -> b.bucket(bucket).key("digits").ifModifiedSince(later)), 304, null);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("digits").ifMatch(etag).ifModifiedSince(earlier)
                .responseContentType("text/x-digits")).response().contentType()).isEqualTo("text/x-digits");
    }

    @Test
    void listingsPageWithMarkersTokensAndCommonPrefixes() {
        String bucket = newBucket("listing");
        List<String> all = List.of("a/1", "a/2", "a/b/3", "b/1", "c", "d e+f");
        all.forEach(key -> put(bucket, key, key));
        ListObjectsV2Response top = s3.listObjectsV2(b -> b.bucket(bucket).delimiter("/"));
        assertThat(top.contents()).extracting(S3Object::key).containsExactly("c", "d e+f");
        assertThat(top.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("a/", "b/");
        assertThat(top.keyCount()).isEqualTo(4);
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("a/").delimiter("/")).commonPrefixes())
                .extracting(CommonPrefix::prefix).containsExactly("a/b/");
        assertThat(s3.listObjectsV2Paginator(b -> b.bucket(bucket).maxKeys(2)).contents().stream()
                .map(S3Object::key).toList()).isEqualTo(all);
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket).startAfter("b/1")).contents()).extracting(S3Object::key)
                .containsExactly("c", "d e+f");
        ListObjectsV2Response encoded = s3.listObjectsV2(b -> b.bucket(bucket).prefix("d").encodingType(
                EncodingType.URL).fetchOwner(true));
        assertThat(encoded.contents()).extracting(S3Object::key).containsExactly("d e+f");
        assertThat(encoded.contents().get(0).owner().id()).isNotBlank();
        List<String> v1 = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListObjectsResponse page = s3.listObjects(b -> b.bucket(bucket).maxKeys(2).delimiter("/").marker(from));
            page.contents().forEach(o -> v1.add(o.key()));
            page.commonPrefixes().forEach(p -> v1.add(p.prefix()));
            marker = page.isTruncated() ? page.nextMarker() : null;
        } while (marker != null);
        assertThat(v1).containsExactlyInAnyOrder("a/", "b/", "c", "d e+f");
        assertThat(s3.listObjects(b -> b.bucket(bucket).maxKeys(0)).contents()).isEmpty();
    }

    @Test
    void objectVersionsOfAnUnversionedBucketAreEachObjectOnce() {
        String bucket = newBucket("versions");
        List.of("x", "y", "z").forEach(key -> put(bucket, key, key));
        List<String> seen = new ArrayList<>();
        String keyMarker = null;
        do {
            String from = keyMarker;
            ListObjectVersionsResponse page = s3.listObjectVersions(b -> b.bucket(bucket).maxKeys(2)
                    .keyMarker(from));
            page.versions().forEach(v -> {
                assertThat(v.versionId()).isEqualTo("null");
                assertThat(v.isLatest()).isTrue();
                seen.add(v.key());
            });
            keyMarker = page.isTruncated() ? page.nextKeyMarker() : null;
        } while (keyMarker != null);
        assertThat(seen).containsExactly("x", "y", "z");
        var deleted = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("x").versionId("null").build(),
                ObjectIdentifier.builder().key("y").build(),
                ObjectIdentifier.builder().key("k".repeat(1025)).build())));
        assertThat(deleted.deleted()).extracting(o -> o.key()).containsExactly("x", "y");
        assertThat(deleted.errors()).extracting(e -> e.code()).containsExactly("KeyTooLongError");
        var quiet = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.quiet(true).objects(
                ObjectIdentifier.builder().key("z").build())));
        assertThat(quiet.deleted()).isEmpty();
        assertThat(keys(bucket, "")).isEmpty();
    }

    @Test
    void bucketConfigurationIsKeptPerBucket() {
        String bucket = newBucket("config");
        assertThat(s3.getBucketVersioning(b -> b.bucket(bucket)).status()).isNull();
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v
                .status(BucketVersioningStatus.SUSPENDED)));
        assertThat(s3.getBucketVersioning(b -> b.bucket(bucket)).status()).isEqualTo(BucketVersioningStatus.SUSPENDED);
        assertS3Error(() -> s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v
                .status(BucketVersioningStatus.ENABLED))), 501, "NotImplemented");
        assertS3Error(() -> s3.getObjectLockConfiguration(b -> b.bucket(bucket)), 404,
                "ObjectLockConfigurationNotFoundError");
        assertS3Error(() -> s3.getBucketTagging(b -> b.bucket(bucket)), 404, "NoSuchTagSet");
        s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(Tag.builder().key("team").value("eng")
                .build())));
        assertThat(s3.getBucketTagging(b -> b.bucket(bucket)).tagSet()).extracting(Tag::value).containsExactly("eng");
        s3.deleteBucketTagging(b -> b.bucket(bucket));
        assertS3Error(() -> s3.getBucketTagging(b -> b.bucket(bucket)), 404, "NoSuchTagSet");
        assertS3Error(() -> s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)), 404,
                "NoSuchLifecycleConfiguration");
        s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(l -> l.rules(
                LifecycleRule.builder().id("expire-tmp").filter(f -> f.prefix("tmp/")).status(ExpirationStatus.ENABLED)
                        .expiration(e -> e.days(7)).build())));
        assertThat(s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules())
                .extracting(LifecycleRule::id).containsExactly("expire-tmp");
        s3.deleteBucketLifecycle(b -> b.bucket(bucket));
        assertS3Error(() -> s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)), 404, null);
        assertThat(encryption(bucket)).isEqualTo(ServerSideEncryption.AES256);
        s3.putBucketEncryption(b -> b.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(r -> r
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)))));
        assertThat(encryption(bucket)).isEqualTo(ServerSideEncryption.AWS_KMS);
        s3.deleteBucketEncryption(b -> b.bucket(bucket));
        assertThat(encryption(bucket)).isEqualTo(ServerSideEncryption.AES256);
        var acl = s3.getBucketAcl(b -> b.bucket(bucket));
        assertThat(acl.grants()).singleElement().satisfies(g -> {
            assertThat(g.permission()).isEqualTo(Permission.FULL_CONTROL);
            assertThat(g.grantee().id()).isEqualTo(acl.owner().id());
        });
        assertS3Error(() -> s3.getBucketPolicy(b -> b.bucket(bucket)), 404, "NoSuchBucketPolicy");
        assertS3Error(() -> s3.getBucketCors(b -> b.bucket(bucket)), 404, "NoSuchCORSConfiguration");
    }

    private ServerSideEncryption encryption(String bucket) {
        return s3.getBucketEncryption(b -> b.bucket(bucket)).serverSideEncryptionConfiguration().rules().get(0)
                .applyServerSideEncryptionByDefault().sseAlgorithm();
    }

    @Test
    void copiesKeepOrReplaceMetadataAndHonourSourceConditions() {
        String bucket = newBucket("copies");
        String source = "src dir/a+b%c.txt";
        s3.putObject(b -> b.bucket(bucket).key(source).contentType("text/plain").metadata(Map.of("k", "v"))
                .tagging("t=1"), RequestBody.fromString("copy me"));
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source).destinationBucket(bucket).destinationKey("same"));
        var same = s3.headObject(b -> b.bucket(bucket).key("same"));
        assertThat(same.contentType()).isEqualTo("text/plain");
        assertThat(same.metadata()).containsEntry("k", "v");
        assertThat(get(bucket, "same")).isEqualTo("copy me");
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source).destinationBucket(bucket).destinationKey("new")
                .metadataDirective(MetadataDirective.REPLACE).contentType("text/x-new").metadata(Map.of("n", "1")));
        var replaced = s3.headObject(b -> b.bucket(bucket).key("new"));
        assertThat(replaced.contentType()).isEqualTo("text/x-new");
        assertThat(replaced.metadata()).containsOnlyKeys("n");
        assertS3Error(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source).destinationBucket(bucket)
                .destinationKey("cond").copySourceIfMatch("\"nope\"")), 412, "PreconditionFailed");
        assertS3Error(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source).destinationBucket(bucket)
                .destinationKey(source)), 400, "InvalidRequest");
        assertS3Error(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("missing").destinationBucket(bucket)
                .destinationKey("x")), 404, "NoSuchKey");
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source).sourceVersionId("null").destinationBucket(bucket)
                .destinationKey("versioned"));
        assertThat(get(bucket, "versioned")).isEqualTo("copy me");
    }

    @Test
    void checksumsAreVerifiedKeptAndReturnedWhenAskedFor() {
        String bucket = newBucket("checksums");
        var sha = s3.putObject(b -> b.bucket(bucket).key("sha").checksumAlgorithm(
                software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.SHA256), RequestBody.fromString("sum"));
        var head = s3.headObject(b -> b.bucket(bucket).key("sha").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumSHA256()).isEqualTo(sha.checksumSHA256()).isEqualTo(ChecksumAlgorithm.SHA256.of(
                utf8("sum")));
        put(bucket, "default", "the SDK's own default");
        var crc = s3.getObject(b -> b.bucket(bucket).key("default").checksumMode(ChecksumMode.ENABLED),
                ResponseTransformer.toBytes()).response();
        assertThat(crc.checksumCRC32()).isEqualTo(ChecksumAlgorithm.CRC32.of(utf8("the SDK's own default")));
        assertThat(s3.headObject(b -> b.bucket(bucket).key("sha")).checksumSHA256()).isNull();
    }

    private static String md5Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(utf8(text)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
