package io.glaux.s3.api;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The half of the S3 endpoint's contract about what must not go wrong: multipart uploads appear whole or not at all,
 * bodies that fail their integrity checks store nothing, names are S3's, hostile requests get S3's XML (never a
 * path of the machine, never a 5xx), and the engine sees the very objects S3 clients put.
 */
abstract class S3EndpointSafetyContract extends S3EndpointContract {

    private static final int MIB = 1024 * 1024;

    private static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static byte[] md5(byte[] data) throws Exception {
        return MessageDigest.getInstance("MD5").digest(data);
    }

    @Test
    void multipartUploadsJoinTheirPartsUnderS3sEtag() throws Exception {
        String bucket = newBucket("multipart");
        byte[] first = bytes(5 * MIB, 1);
        byte[] second = bytes(1000, 2);
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("big.bin").contentType("x/big"))
                .uploadId();
        String etag1 = s3.uploadPart(b -> b.bucket(bucket).key("big.bin").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String etag2 = s3.uploadPart(b -> b.bucket(bucket).key("big.bin").uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(second)).eTag();
        assertThat(s3.listParts(b -> b.bucket(bucket).key("big.bin").uploadId(uploadId)).parts())
                .extracting(p -> p.partNumber(), p -> p.size()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, (long) first.length),
                        org.assertj.core.groups.Tuple.tuple(2, 1000L));
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).extracting(u -> u.uploadId())
                .containsExactly(uploadId);
        assertThat(keys(bucket, "")).isEmpty();
        assertS3Error(() -> complete(bucket, "big.bin", uploadId, part(1, "\"0000\""), part(2, etag2)), 400,
                "InvalidPart");
        assertS3Error(() -> complete(bucket, "big.bin", uploadId, part(2, etag2), part(1, etag1)), 400,
                "InvalidPartOrder");
        assertS3Error(() -> complete(bucket, "big.bin", uploadId, part(2, etag2), part(3, etag2)), 400,
                "InvalidPart");
        String etag = complete(bucket, "big.bin", uploadId, part(1, etag1), part(2, etag2));
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        byte[] md5s = new byte[32];
        System.arraycopy(md5(first), 0, md5s, 0, 16);
        System.arraycopy(md5(second), 0, md5s, 16, 16);
        assertThat(etag).isEqualTo("\"" + HexFormat.of().formatHex(md5(md5s)) + "-2\"");
        var object = s3.getObject(b -> b.bucket(bucket).key("big.bin"), ResponseTransformer.toBytes());
        assertThat(object.asByteArray()).isEqualTo(both);
        assertThat(object.response().contentType()).isEqualTo("x/big");
        assertThat(object.response().eTag()).isEqualTo(etag);
        assertS3Error(() -> s3.listParts(b -> b.bucket(bucket).key("big.bin").uploadId(uploadId)), 404,
                "NoSuchUpload");
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    }

    @Test
    void partsUnderFiveMebibytesButTheLastAreEntityTooSmallAndAbortedUploadsAreGone() {
        String bucket = newBucket("small-parts");
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        String etag1 = s3.uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("small")).eTag();
        String etag2 = s3.uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(2),
                RequestBody.fromString("last")).eTag();
        assertS3Error(() -> complete(bucket, "k", uploadId, part(1, etag1), part(2, etag2)), 400, "EntityTooSmall");
        s3.abortMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId));
        assertS3Error(() -> s3.uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(3),
                RequestBody.fromString("late")), 404, "NoSuchUpload");
        assertS3Error(() -> complete(bucket, "k", uploadId, part(1, etag1)), 404, "NoSuchUpload");
        assertThat(keys(bucket, "")).isEmpty();
    }

    @Test
    void partsCanBeCopiedFromRangesOfObjectsAndCarryCompositeChecksums() {
        String bucket = newBucket("part-copy");
        byte[] source = bytes(6 * MIB, 3);
        s3.putObject(b -> b.bucket(bucket).key("source"), RequestBody.fromBytes(source));
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("joined").checksumAlgorithm(
                software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32)).uploadId();
        String etag1 = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("source").destinationBucket(bucket)
                .destinationKey("joined").uploadId(uploadId).partNumber(1)
                .copySourceRange("bytes=0-" + (5 * MIB - 1))).copyPartResult().eTag();
        String etag2 = s3.uploadPart(b -> b.bucket(bucket).key("joined").uploadId(uploadId).partNumber(2)
                .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32),
                RequestBody.fromString("tail")).eTag();
        assertS3Error(() -> s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("source")
                .destinationBucket(bucket).destinationKey("joined").uploadId(uploadId).partNumber(3)
                .copySourceRange("bytes=0-" + source.length)), 400, "InvalidArgument");
        complete(bucket, "joined", uploadId, part(1, etag1), part(2, etag2));
        byte[] joined = s3.getObjectAsBytes(b -> b.bucket(bucket).key("joined")).asByteArray();
        assertThat(Arrays.copyOf(joined, 5 * MIB)).isEqualTo(Arrays.copyOf(source, 5 * MIB));
        assertThat(new String(joined, 5 * MIB, 4, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("tail");
        var head = s3.headObject(b -> b.bucket(bucket).key("joined").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumCRC32()).endsWith("-2");
    }

    @Test
    void fullObjectChecksumsOfMultipartUploadsAreVerifiedAsThePartsStream() {
        String bucket = newBucket("full-object");
        byte[] first = bytes(5 * MIB, 6);
        byte[] second = utf8("and the rest");
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        String whole = ChecksumAlgorithm.CRC32C.of(both);
        for (String declared : List.of(ChecksumAlgorithm.CRC32C.of(second), whole)) {
            String key = declared.equals(whole) ? "right" : "wrong";
            String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).checksumAlgorithm(
                    software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32_C)
                    .checksumType(software.amazon.awssdk.services.s3.model.ChecksumType.FULL_OBJECT)).uploadId();
            String etag1 = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(1)
                    .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32_C),
                    RequestBody.fromBytes(first)).eTag();
            String etag2 = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(2)
                    .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32_C),
                    RequestBody.fromBytes(second)).eTag();
            var request = software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest.builder()
                    .bucket(bucket).key(key).uploadId(uploadId).checksumCRC32C(declared)
                    .checksumType(software.amazon.awssdk.services.s3.model.ChecksumType.FULL_OBJECT)
                    .multipartUpload(m -> m.parts(part(1, etag1), part(2, etag2))).build();
            if (key.equals("wrong")) {
                assertS3Error(() -> s3.completeMultipartUpload(request), 400, "BadDigest");
            } else {
                s3.completeMultipartUpload(request);
            }
        }
        assertThat(keys(bucket, "")).containsExactly("right");
        var head = s3.headObject(b -> b.bucket(bucket).key("right").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumCRC32C()).isEqualTo(whole);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("right").checksumMode(ChecksumMode.ENABLED))
                .asByteArray()).isEqualTo(both);
    }

    private String complete(String bucket, String key, String uploadId, CompletedPart... parts) {
        return s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts))).eTag();
    }

    private static CompletedPart part(int number, String etag) {
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    @Test
    void bodiesFailingTheirIntegrityChecksStoreNothing() throws Exception {
        String bucket = newBucket("integrity");
        byte[] body = utf8("the body as sent");
        byte[] other = utf8("another body");
        String otherSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(other));
        assertXmlError(raw.send("PUT", "/" + bucket + "/sha", body, "x-amz-content-sha256", otherSha), 400,
                "XAmzContentSHA256Mismatch");
        assertXmlError(raw.send("PUT", "/" + bucket + "/md5", body, "Content-MD5",
                java.util.Base64.getEncoder().encodeToString(md5(other))), 400, "BadDigest");
        assertXmlError(raw.send("PUT", "/" + bucket + "/md5-invalid", body, "Content-MD5", "bm9wZQ=="), 400,
                "InvalidDigest");
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
            assertXmlError(raw.send("PUT", "/" + bucket + "/" + algorithm, body, algorithm.header(),
                    algorithm.of(other)), 400, "BadDigest");
        }
        byte[] chunked = AwsChunked.encode(body, 4, true, Map.of("x-amz-checksum-crc32c",
                ChecksumAlgorithm.CRC32C.of(other)));
        assertXmlError(raw.send("PUT", "/" + bucket + "/trailer", chunked,
                "x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", "Content-Encoding",
                "aws-chunked", "x-amz-decoded-content-length", String.valueOf(body.length),
                "x-amz-trailer", "x-amz-checksum-crc32c"), 400, "BadDigest");
        assertThat(keys(bucket, "")).isEmpty();
        assertThat(glaux.store().listAll(bucket, "")).isEmpty();
        byte[] good = AwsChunked.encode(body, 4, false, Map.of("x-amz-checksum-crc32c",
                ChecksumAlgorithm.CRC32C.of(body)));
        assertThat(raw.send("PUT", "/" + bucket + "/chunked", good, "x-amz-content-sha256",
                "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "Content-Encoding", "aws-chunked",
                "x-amz-decoded-content-length", String.valueOf(body.length), "x-amz-trailer",
                "x-amz-checksum-crc32c", "Expect", "100-continue").status()).isEqualTo(200);
        assertThat(get(bucket, "chunked")).isEqualTo("the body as sent");
        assertThat(s3.headObject(b -> b.bucket(bucket).key("chunked").checksumMode(ChecksumMode.ENABLED))
                .checksumCRC32C()).isEqualTo(ChecksumAlgorithm.CRC32C.of(body));
    }

    @Test
    void aPutCutOffMidwayLeavesNothing() throws Exception {
        String bucket = newBucket("cut-off");
        byte[] body = bytes(48 * MIB, 4);
        raw.sendRaw(raw.head("PUT", "/" + bucket + "/killed", "Content-Length: " + body.length), body, 8 * MIB);
        Thread.sleep(500);
        assertThat(keys(bucket, "")).isEmpty();
        assertThat(glaux.store().listAll(bucket, "")).isEmpty();
    }

    @Test
    void theHttpServersOwnRefusalsAreS3Xml() throws Exception {
        String bucket = newBucket("refusals");
        RawS3.Answer tooLarge = raw.sendRaw(raw.head("PUT", "/" + bucket + "/huge",
                "Content-Length: " + (6L * 1024 * 1024 * 1024)), null, 0);
        assertXmlError(tooLarge, 400, "EntityTooLarge");
        assertThat(tooLarge.body()).as("not waiting for a body it refused").containsIgnoringCase("Connection: close");
        RawS3.Answer headers = raw.sendRaw(raw.head("GET", "/" + bucket + "/k", "X-Filler: " + "f".repeat(20_000)),
                null, 0);
        assertThat(headers.status()).as(headers.body()).isBetween(400, 499);
        assertThat(headers.body()).contains("<Error><Code>RequestHeaderSectionTooLarge</Code>");
        assertNoMachinePath(headers.body());
        RawS3.Answer uri = raw.sendRaw(raw.head("GET", "/" + bucket + "/a%zzb"), null, 0);
        assertThat(uri.status()).isEqualTo(400);
        assertThat(uri.body()).contains("<Code>InvalidURI</Code>");
        assertThat(keys(bucket, "")).isEmpty();
    }

    @Test
    void keysAreS3sWhateverTheirShape() throws Exception {
        String bucket = newBucket("keys");
        for (String key : unusualKeys()) {
            put(bucket, key, key);
            assertThat(get(bucket, key)).as(key).isEqualTo(key);
        }
        assertThat(keys(bucket, "")).containsExactlyInAnyOrderElementsOf(unusualKeys());
        assertS3Error(() -> put(bucket, "k".repeat(1025), "too long"), 400, "KeyTooLongError");
        assertXmlError(raw.send("PUT", "/" + bucket + "/" + "\u00e9".repeat(513).replace("\u00e9", "%C3%A9"),
                utf8("x")), 400, "KeyTooLongError");
    }

    /**
     * Dot segments that climb out of the bucket are refused by the HTTP server's URI parsing (400, S3's XML);
     * encoded slashes make keys like {@code ../../etc/passwd}, which are valid S3 keys kept inside the bucket. Either
     * way nothing outside the bucket is read or written and no answer names a path of the machine.
     */
    @Test
    void traversalAttemptsStayInsideTheBucketAndAnswerS3Xml() throws Exception {
        String bucket = newBucket("traversal");
        put(bucket, "inside", "inside");
        for (String path : List.of("/" + bucket + "/../../etc/passwd", "/" + bucket + "/%2e%2e/%2e%2e/etc/passwd",
                "/" + bucket + "/..%2F..%2Fetc%2Fpasswd", "/..%2F..%2Fetc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                "/" + bucket + "/%2e%2e%2f.glaux%2fcatalog", "/.glaux/catalog", "/" + bucket + "/a%00b",
                "/" + bucket + "/..%5c..%5cwindows")) {
            for (String method : List.of("GET", "PUT", "GET", "DELETE")) {
                RawS3.Answer answer = raw.sendRaw(raw.head(method, path, "Content-Length: 4"), utf8("evil"), 4);
                String what = method + " " + path + "\n" + answer.body();
                assertThat(answer.status()).as(what).isBetween(200, 499);
                assertThat(answer.body()).as(what).doesNotContain("root:");
                if (answer.status() >= 300) {
                    assertThat(answer.body()).as(what).contains("<Error><Code>");
                }
                assertNoMachinePath(answer.body());
            }
        }
        assertThat(get(bucket, "inside")).isEqualTo("inside");
        assertThat(glaux.store().listAll(bucket, "")).extracting(o -> o.key()).containsExactly("inside");
        assertThat(data.resolve("etc")).doesNotExist();
        assertThat(data.getParent().resolve("etc").resolve("passwd")).doesNotExist();
    }

    @Test
    void nothingAClientSendsIsAServerError() throws Exception {
        String bucket = newBucket("fuzz");
        put(bucket, "k", "value");
        Random random = new Random(42);
        List<String> methods = List.of("GET", "PUT", "POST", "DELETE", "HEAD");
        List<String> paths = List.of("/", "/" + bucket, "/" + bucket + "/k", "/" + bucket + "/new", "/Bad_Bucket/k",
                "/missing-bucket-x/k", "/" + bucket + "/%C3", "/" + bucket + "/" + "k".repeat(1100));
        List<String> queries = List.of("", "?acl", "?versioning", "?tagging", "?lifecycle", "?encryption",
                "?policy", "?cors", "?object-lock", "?location", "?versions", "?uploads", "?delete",
                "?list-type=2&max-keys=-1", "?list-type=3", "?continuation-token=%25%25", "?max-keys=abc",
                "?uploadId=nope&partNumber=0", "?uploadId=nope&partNumber=99999", "?encoding-type=xml",
                "?website", "?partNumber=2", "?versionId=abc", "?key-marker=&version-id-marker=x", "?retention");
        List<String[]> headers = List.of(new String[] {"Range", "bytes=9999-"}, new String[] {"Range", "garbage"},
                new String[] {"If-Modified-Since", "not a date"}, new String[] {"If-Match", "\"x\""},
                new String[] {"x-amz-copy-source", "%%%/"}, new String[] {"x-amz-copy-source", "/" + bucket + "/k"},
                new String[] {"Content-MD5", "***"}, new String[] {"x-amz-checksum-crc32", "AAAA"},
                new String[] {"x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"},
                new String[] {"x-amz-decoded-content-length", "-5"}, new String[] {"x-amz-tagging", "a=1&a=2"},
                new String[] {"x-amz-metadata-directive", "SIDEWAYS"}, new String[] {"x-amz-acl", "public-read"},
                new String[] {"x-amz-trailer", "x-amz-checksum-md5"}, new String[] {"Content-Encoding", "aws-chunked"},
                new String[] {"x-amz-copy-source-range", "bytes=5-1"}, new String[] {"x-amz-meta-big", "m".repeat(3000)});
        List<byte[]> bodies = List.of(new byte[0], utf8("<Delete><Object><Key>k</Key></Object>"),
                utf8("<Tagging><TagSet><Tag><Key>aws:x</Key><Value>1</Value></Tag></TagSet></Tagging>"),
                utf8("<CompleteMultipartUpload><Part><PartNumber>x</PartNumber></Part></CompleteMultipartUpload>"),
                bytes(100, 5));
        for (int i = 0; i < 400; i++) {
            String method = methods.get(random.nextInt(methods.size()));
            String path = paths.get(random.nextInt(paths.size())) + queries.get(random.nextInt(queries.size()));
            String[] header = headers.get(random.nextInt(headers.size()));
            byte[] body = method.equals("GET") || method.equals("HEAD") ? null : bodies.get(random.nextInt(
                    bodies.size()));
            RawS3.Answer answer;
            try {
                answer = raw.send(method, path, body, header[0], header[1]);
            } catch (java.io.IOException e) {
                throw new AssertionError(method + " " + path + " " + header[0] + ": " + header[1], e);
            }
            boolean notImplemented = answer.status() == 501 && "NotImplemented".equals(answer.code());
            assertThat(answer.status() < 500 || notImplemented).as(method + " " + path + " " + header[0] + ": "
                    + header[1] + "\n" + answer.body()).isTrue();
            assertThat(answer.header("x-amz-request-id")).as(method + " " + path + " " + header[0] + ": "
                    + header[1] + "\n" + answer.status() + " " + answer.body()).isNotBlank();
            if (answer.status() >= 400 && !method.equals("HEAD")) {
                assertThat(answer.body()).startsWith("<?xml");
                assertNoMachinePath(answer.body());
            }
        }
        String after = newBucket("after-fuzz");
        put(after, "k", "still serving");
        assertThat(get(after, "k")).isEqualTo("still serving");
    }

    @Test
    void presignedUrlsGetAndPut() throws Exception {
        String bucket = newBucket("presigned");
        PresignedPutObjectRequest putUrl = presigner.presignPutObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(p -> p.bucket(bucket).key("shared.txt")));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(putUrl.url().toURI())
                .PUT(HttpRequest.BodyPublishers.ofString("via a URL")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        PresignedGetObjectRequest getUrl = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket(bucket).key("shared.txt")));
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(getUrl.url().toURI()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("via a URL");
    }

    @Test
    void theEngineQueriesObjectsPutThroughS3AndItsResultsAreReadThroughS3() throws Exception {
        String bucket = newBucket("engine");
        put(bucket, "sales/part-0.csv", "1,north\n2,south\n");
        put(bucket, "sales/part-1.csv", "3,north\n");
        run("CREATE EXTERNAL TABLE sales_" + bucket.replace('-', '_') + " (amount int, region string)"
                + " ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://" + bucket + "/sales/'");
        QueryExecution query = run("SELECT region, sum(amount) AS total FROM sales_" + bucket.replace('-', '_')
                + " GROUP BY region ORDER BY region");
        URI result = URI.create(query.resultConfiguration().outputLocation());
        String csv = get(result.getHost(), result.getPath().substring(1));
        assertThat(csv).isEqualTo("\"region\",\"total\"\n\"north\",\"4\"\n\"south\",\"2\"\n");
        assertThat(keys(result.getHost(), "")).contains(result.getPath().substring(1));
    }

    private QueryExecution run(String sql) throws InterruptedException {
        String id = athena.startQueryExecution(b -> b.queryString(sql).queryExecutionContext(c -> c
                .database("default"))).queryExecutionId();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            QueryExecution execution = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
            QueryExecutionState state = execution.status().state();
            if (state == QueryExecutionState.SUCCEEDED) {
                return execution;
            }
            assertThat(state).as(sql + ": " + execution.status().stateChangeReason())
                    .isIn(QueryExecutionState.QUEUED, QueryExecutionState.RUNNING);
            assertThat(System.nanoTime()).as("query still running: " + sql).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
