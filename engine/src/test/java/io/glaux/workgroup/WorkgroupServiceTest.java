package io.glaux.workgroup;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkgroupServiceTest {

    @TempDir
    Path folder;

    private static WorkgroupConfiguration withOutput(String location, boolean enforce, Long cutoff) {
        return new WorkgroupConfiguration(ResultConfiguration.NONE.withOutputLocation(location), enforce, true,
                cutoff, false, "AUTO");
    }

    @Test
    void primaryAlwaysExistsAndCannotBeDeleted() {
        WorkgroupService service = new WorkgroupService(folder, null);
        assertThat(service.get("primary").state()).isEqualTo(WorkgroupState.ENABLED);
        assertThatThrownBy(() -> service.delete("primary")).hasMessageContaining("primary");
    }

    @Test
    void workgroupsSurviveARestart() {
        WorkgroupService first = new WorkgroupService(folder, "s3://results/");
        first.create("analysts", "team", withOutput("s3://team-results/q/", true, 20_000_000L), Map.of("k", "v"));
        first.update(first.get("analysts").withState(WorkgroupState.DISABLED));
        WorkgroupService second = new WorkgroupService(folder, null);
        Workgroup analysts = second.get("analysts");
        assertThat(analysts.state()).isEqualTo(WorkgroupState.DISABLED);
        assertThat(analysts.configuration().bytesScannedCutoffPerQuery()).isEqualTo(20_000_000L);
        assertThat(analysts.tags()).containsEntry("k", "v");
        assertThat(second.get("primary").configuration().resultConfiguration().outputLocation())
                .isEqualTo("s3://results/");
    }

    @Test
    void encryptionSettingsAreStoredAndValidated() {
        WorkgroupService service = new WorkgroupService(folder, null);
        EncryptionConfiguration kms = new EncryptionConfiguration("SSE_KMS", "arn:aws:kms:us-east-1:1:key/k");
        service.create("secure", null, new WorkgroupConfiguration(
                new ResultConfiguration("s3://secure-results/", kms, null), true, true, null, false, "AUTO"), null);
        assertThat(new WorkgroupService(folder, null).get("secure").configuration().resultConfiguration()
                .encryptionConfiguration()).isEqualTo(kms);
        assertThatThrownBy(() -> service.create("weak", null, new WorkgroupConfiguration(
                new ResultConfiguration("s3://secure-results/", new EncryptionConfiguration("ROT13", null), null),
                true, true, null, false, "AUTO"), null)).hasMessageContaining("SSE_S3, SSE_KMS or CSE_KMS");
    }

    @Test
    void defaultsAreWhatTheServiceReportsForAWorkgroupCreatedWithoutConfiguration() {
        WorkgroupService service = new WorkgroupService(folder, null);
        for (Workgroup workgroup : new Workgroup[] {service.get("primary"), service.create("plain", null, null, null)}) {
            WorkgroupConfiguration c = workgroup.configuration();
            assertThat(c.enforceWorkGroupConfiguration()).as(workgroup.name()).isFalse();
            assertThat(c.publishCloudWatchMetricsEnabled()).as(workgroup.name()).isFalse();
            assertThat(c.requesterPaysEnabled()).as(workgroup.name()).isFalse();
            assertThat(c.enableMinimumEncryptionConfiguration()).as(workgroup.name()).isFalse();
            assertThat(c.selectedEngineVersion()).as(workgroup.name()).isEqualTo("AUTO");
        }
    }

    @Test
    void aMinimumEncryptionAdmitsStrongerOptionsOnlyAndSurvivesARestart() {
        WorkgroupService service = new WorkgroupService(folder, null);
        EncryptionConfiguration kms = new EncryptionConfiguration("SSE_KMS", "arn:aws:kms:us-east-1:1:key/k");
        service.create("minimum", null, new WorkgroupConfiguration(new ResultConfiguration("s3://results/", kms, null),
                false, false, null, false, "AUTO", true), null);
        Workgroup minimum = new WorkgroupService(folder, null).get("minimum");
        assertThat(minimum.configuration().enableMinimumEncryptionConfiguration()).isTrue();
        EncryptionConfiguration cse = new EncryptionConfiguration("CSE_KMS", "arn:aws:kms:us-east-1:1:key/other");
        assertThat(service.resultEncryption(minimum, null)).isEqualTo(kms);
        assertThat(service.resultEncryption(minimum, cse)).isEqualTo(cse);
        assertThatThrownBy(() -> service.resultEncryption(minimum, new EncryptionConfiguration("SSE_S3", null)))
                .isInstanceOf(GlauxException.class).hasMessageContaining("SSE_S3 is weaker than the minimum"
                        + " encryption SSE_KMS");
        Workgroup open = service.create("open-encryption", null, new WorkgroupConfiguration(
                new ResultConfiguration("s3://results/", kms, null), false, false, null, false, "AUTO", false), null);
        assertThat(service.resultEncryption(open, new EncryptionConfiguration("SSE_S3", null)).encryptionOption())
                .isEqualTo("SSE_S3");
    }

    @Test
    void enforcedWorkgroupLocationWinsOverTheClients() {
        WorkgroupService service = new WorkgroupService(folder, null);
        Workgroup enforced = service.create("enforced", null, withOutput("s3://wg-results/out", true, null), null);
        Workgroup open = service.create("open", null, withOutput("s3://wg-results/out", false, null), null);
        assertThat(service.outputLocation(enforced, "s3://client/x/")).hasToString("s3://wg-results/out/");
        assertThat(service.outputLocation(open, "s3://client/x/")).hasToString("s3://client/x/");
        assertThat(service.outputLocation(open, null)).hasToString("s3://wg-results/out/");
    }

    @Test
    void noOutputLocationAnywhereIsAthenasError() {
        WorkgroupService service = new WorkgroupService(folder, null);
        assertThatThrownBy(() -> service.outputLocation(service.get("primary"), null))
                .isInstanceOf(GlauxException.class)
                .hasMessage("No output location provided. An output location is required either through the"
                        + " Workgroup result configuration setting or as an API input.");
    }

    @Test
    void invalidDefinitionsAreRefusedAndNothingIsStored() throws Exception {
        WorkgroupService service = new WorkgroupService(folder, null);
        assertThatThrownBy(() -> service.create("bad name!", null, null, null)).hasMessageContaining("Invalid");
        assertThatThrownBy(() -> service.create("small", null, withOutput(null, true, 5L), null))
                .hasMessageContaining("at least 10000000");
        assertThatThrownBy(() -> service.create("loc", null, withOutput("http://x/", true, null), null))
                .hasMessageContaining("Invalid output location");
        service.create("dup", null, null, null);
        assertThatThrownBy(() -> service.create("dup", null, null, null)).hasMessageContaining("already created");
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("dup.json", "primary.json");
        }
    }
}
