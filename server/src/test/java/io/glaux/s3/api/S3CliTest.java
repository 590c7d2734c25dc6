package io.glaux.s3.api;

import io.glaux.Glaux;
import io.glaux.athena.api.ExternalClient;
import io.glaux.clients.AwsCli;
import io.glaux.sample.SampleDataset;
import io.glaux.sample.SampleDataInstaller;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 ({@code /usr/bin/aws}, Debian's awscli) against Glaux's S3 endpoint: {@code aws s3} copies (a
 * multipart one included), listings, sync and removal, and {@code aws s3api} bucket tagging, versioning and Object
 * Lock calls, over the embedded store the engine queries.
 */
@Tag("clients")
class S3CliTest {

    @TempDir
    static Path data;
    @TempDir
    static Path work;

    private static Glaux glaux;
    private static GlauxServer server;
    private static AwsCli cli;

    @BeforeAll
    static void start() throws Exception {
        cli = AwsCli.installed(work);
        glaux = Glaux.builder().dataFolder(data).syncWrites(false).build();
        new SampleDataInstaller(glaux).installOnFirstStart();
        server = GlauxServer.start(glaux, "127.0.0.1", 0);
        cli = cli.against(server);
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
    void awsS3CopiesListsSyncsAndRemoves() throws Exception {
        Path small = Files.writeString(work.resolve("hello.txt"), "hello from the CLI\n");
        byte[] large = new byte[20 * 1024 * 1024];
        new Random(7).nextBytes(large);
        Path big = Files.write(work.resolve("big.bin"), large);
        Path tree = Files.createDirectories(work.resolve("tree/sub"));
        Files.writeString(tree.resolve("a.csv"), "1,2\n");
        Files.writeString(work.resolve("tree/b.csv"), "3,4\n");

        cli.ok("s3", "mb", "s3://cli-bucket");
        cli.ok("s3", "cp", small.toString(), "s3://cli-bucket/docs/hello.txt", "--only-show-errors");
        cli.ok("s3", "cp", big.toString(), "s3://cli-bucket/big.bin", "--only-show-errors");
        cli.ok("s3", "sync", work.resolve("tree").toString(), "s3://cli-bucket/tree/", "--only-show-errors");
        assertThat(cli.ok("s3", "ls")).contains("cli-bucket", "glaux-query-results", SampleDataset.BUCKET);
        String listing = cli.ok("s3", "ls", "s3://cli-bucket", "--recursive");
        assertThat(listing).contains("docs/hello.txt", "big.bin", "tree/sub/a.csv", "tree/b.csv")
                .contains(String.valueOf(large.length));
        assertThat(cli.ok("s3", "ls", "s3://cli-bucket/")).contains("PRE docs/", "PRE tree/", "big.bin");
        assertThat(cli.ok("s3", "cp", "s3://cli-bucket/docs/hello.txt", "-")).isEqualTo("hello from the CLI\n");
        cli.ok("s3", "cp", "s3://cli-bucket/big.bin", work.resolve("back.bin").toString(), "--only-show-errors");
        assertThat(Files.readAllBytes(work.resolve("back.bin"))).isEqualTo(large);
        assertThat(glaux.store().head("cli-bucket", "big.bin")).get()
                .satisfies(info -> assertThat(info.etag()).matches("[0-9a-f]{32}-\\d+"));
        cli.ok("s3", "rm", "s3://cli-bucket", "--recursive", "--only-show-errors");
        assertThat(cli.ok("s3", "ls", "s3://cli-bucket", "--recursive")).isBlank();
        cli.ok("s3", "rb", "s3://cli-bucket");
        assertThat(cli.ok("s3", "ls")).doesNotContain("cli-bucket");
    }

    @Test
    void awsS3apiBucketTaggingVersioningAndObjectLock() throws Exception {
        cli.ok("s3api", "create-bucket", "--bucket", "cli-config");
        ExternalClient.Result noTags = cli.run("s3api", "get-bucket-tagging", "--bucket", "cli-config");
        assertThat(noTags.exitCode()).isNotZero();
        assertThat(noTags.stderr()).contains("NoSuchTagSet");
        cli.ok("s3api", "put-bucket-tagging", "--bucket", "cli-config", "--tagging",
                "TagSet=[{Key=team,Value=analytics}]");
        assertThat(cli.ok("s3api", "get-bucket-tagging", "--bucket", "cli-config"))
                .contains("\"team\"", "\"analytics\"");
        cli.ok("s3api", "delete-bucket-tagging", "--bucket", "cli-config");

        assertThat(cli.ok("s3api", "get-bucket-versioning", "--bucket", "cli-config")).isBlank();
        cli.ok("s3api", "put-bucket-versioning", "--bucket", "cli-config", "--versioning-configuration",
                "Status=Suspended");
        assertThat(cli.ok("s3api", "get-bucket-versioning", "--bucket", "cli-config")).contains("Suspended");
        ExternalClient.Result enabled = cli.run("s3api", "put-bucket-versioning", "--bucket", "cli-config",
                "--versioning-configuration", "Status=Enabled");
        assertThat(enabled.exitCode()).isNotZero();
        assertThat(enabled.stderr()).contains("NotImplemented", "one version per key");

        ExternalClient.Result lock = cli.run("s3api", "get-object-lock-configuration", "--bucket", "cli-config");
        assertThat(lock.exitCode()).isNotZero();
        assertThat(lock.stderr()).contains("ObjectLockConfigurationNotFoundError");
        assertThat(cli.ok("s3api", "get-bucket-encryption", "--bucket", "cli-config")).contains("AES256");
        assertThat(cli.ok("s3api", "list-object-versions", "--bucket", "cli-config")).doesNotContain("Versions");
        cli.ok("s3api", "delete-bucket", "--bucket", "cli-config");
    }
}
