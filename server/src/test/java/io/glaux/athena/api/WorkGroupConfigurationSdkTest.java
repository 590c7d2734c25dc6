package io.glaux.athena.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.model.EncryptionOption;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.WorkGroupConfiguration;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A workgroup's configuration as GetWorkGroup reports it through the AWS SDK for Java v2: defaults and updates. */
class WorkGroupConfigurationSdkTest {

    @TempDir
    static Path data;

    private static SdkServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new SdkServer(data);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aWorkgroupCreatedWithoutConfigurationReportsTheServicesDefaults() {
        server.athena().createWorkGroup(b -> b.name("plain"));
        for (String name : new String[] {"plain", "primary"}) {
            WorkGroupConfiguration c = server.athena().getWorkGroup(b -> b.workGroup(name)).workGroup()
                    .configuration();
            assertThat(c.enforceWorkGroupConfiguration()).as(name).isFalse();
            assertThat(c.publishCloudWatchMetricsEnabled()).as(name).isFalse();
            assertThat(c.requesterPaysEnabled()).as(name).isFalse();
            assertThat(c.enableMinimumEncryptionConfiguration()).as(name).isFalse();
            assertThat(c.engineVersion().selectedEngineVersion()).as(name).isEqualTo("AUTO");
            assertThat(c.engineVersion().effectiveEngineVersion()).as(name).isEqualTo("Athena engine version 3");
        }
    }

    @Test
    void aMinimumEncryptionIsStoredUpdatedAndAppliedToQueries() {
        server.s3().createBucket(b -> b.bucket("minimum-results"));
        server.athena().createWorkGroup(b -> b.name("minimum").configuration(c -> c
                .resultConfiguration(r -> r.outputLocation("s3://minimum-results/q/")
                        .encryptionConfiguration(e -> e.encryptionOption(EncryptionOption.SSE_KMS)
                                .kmsKey("alias/aws/s3")))
                .enableMinimumEncryptionConfiguration(true)));
        assertThat(server.athena().getWorkGroup(b -> b.workGroup("minimum")).workGroup().configuration()
                .enableMinimumEncryptionConfiguration()).isTrue();
        assertThatThrownBy(() -> server.athena().startQueryExecution(b -> b.workGroup("minimum")
                .queryString("SELECT 1").resultConfiguration(r -> r.encryptionConfiguration(e -> e
                        .encryptionOption(EncryptionOption.SSE_S3)))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("SSE_S3 is weaker");
        server.athena().updateWorkGroup(b -> b.workGroup("minimum").configurationUpdates(u -> u
                .enableMinimumEncryptionConfiguration(false)));
        assertThat(server.athena().getWorkGroup(b -> b.workGroup("minimum")).workGroup().configuration()
                .enableMinimumEncryptionConfiguration()).isFalse();
        assertThat(server.athena().startQueryExecution(b -> b.workGroup("minimum").queryString("SELECT 1")
                .resultConfiguration(r -> r.encryptionConfiguration(e -> e.encryptionOption(EncryptionOption.SSE_S3))))
                .queryExecutionId()).isNotBlank();
    }
}
