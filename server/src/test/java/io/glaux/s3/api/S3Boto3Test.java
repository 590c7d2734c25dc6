package io.glaux.s3.api;

import io.glaux.Glaux;
import io.glaux.athena.api.ExternalClient;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * boto3 ({@code /usr/bin/python3} with Debian's python3-boto3) against Glaux's S3 endpoint: the usual way to empty a
 * bucket, {@code bucket.object_versions.delete()}, works on Glaux's unversioned buckets.
 */
@Tag("clients")
class S3Boto3Test {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path BOTO3 = Path.of("/usr/lib/python3/dist-packages/boto3/__init__.py");

    private static final String SCRIPT = String.join("\n",
            "import sys, boto3",
            "endpoint = sys.argv[1]",
            "s3 = boto3.resource('s3', endpoint_url=endpoint)",
            "client = boto3.client('s3', endpoint_url=endpoint)",
            "bucket = s3.Bucket('boto-bucket')",
            "bucket.create()",
            "for i in range(1100):",
            "    client.put_object(Bucket='boto-bucket', Key='k/%04d' % i, Body=b'x')",
            "print('versions', sum(1 for _ in bucket.object_versions.all()))",
            "bucket.object_versions.delete()",
            "print('left', sum(1 for _ in bucket.objects.all()))",
            "bucket.delete()",
            "print('buckets', sorted(b.name for b in s3.buckets.all()))");

    @TempDir
    static Path data;
    @TempDir
    static Path work;

    private static Glaux glaux;
    private static GlauxServer server;

    @BeforeAll
    static void start() throws Exception {
        ExternalClient.require(PYTHON, "apt-get install -y python3");
        ExternalClient.requireFile(BOTO3, "apt-get install -y python3-boto3");
        glaux = Glaux.builder().dataFolder(data).syncWrites(false).build();
        server = GlauxServer.start(glaux, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (glaux != null) {
            glaux.close();
        }
    }

    @Test
    void objectVersionsDeleteEmptiesABucket() throws Exception {
        ExternalClient.Result result = ExternalClient.run(List.of(PYTHON.toString(), "-c", SCRIPT, server.endpoint()),
                work, ExternalClient.awsEnvironment(work), Duration.ofMinutes(3));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("versions 1100", "left 0", "buckets ['glaux-query-results']");
        assertThat(glaux.store().bucketExists("boto-bucket")).isFalse();
    }
}
