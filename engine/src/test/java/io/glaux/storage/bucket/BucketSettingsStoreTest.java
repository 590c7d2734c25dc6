package io.glaux.storage.bucket;

import io.glaux.storage.InvalidBucketNameException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BucketSettingsStoreTest {

    @TempDir
    Path folder;

    @Test
    void aBucketWithoutSettingsHasNone() {
        assertThat(new BucketSettingsStore(folder, false).get("data")).isEqualTo(BucketSettings.NONE);
    }

    @Test
    void updatesAreKeptAcrossInstancesAndRemovedWithTheBucket() {
        BucketSettingsStore store = new BucketSettingsStore(folder, false);
        store.update("data", s -> s.withTags(Map.of("team", "eng")).withVersioning("Suspended"));
        store.update("data", s -> s.withLifecycle("<LifecycleConfiguration/>"));
        BucketSettings reopened = new BucketSettingsStore(folder, false).get("data");
        assertThat(reopened.tags()).containsEntry("team", "eng");
        assertThat(reopened.versioning()).isEqualTo("Suspended");
        assertThat(reopened.lifecycle()).isEqualTo("<LifecycleConfiguration/>");
        assertThat(new BucketSettingsStore(folder, false).get("other")).isEqualTo(BucketSettings.NONE);
        store.remove("data");
        assertThat(store.get("data")).isEqualTo(BucketSettings.NONE);
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void thePolicyIsKeptWithTheOtherSettingsAndGoesWithTheBucket() {
        BucketSettingsStore store = new BucketSettingsStore(folder, false);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
        store.update("data", s -> s.withTags(Map.of("team", "eng")).withPolicy(policy));
        BucketSettings reopened = new BucketSettingsStore(folder, false).get("data");
        assertThat(reopened.policy()).isEqualTo(policy);
        assertThat(reopened.tags()).containsEntry("team", "eng");
        store.update("data", s -> s.withPolicy(null));
        assertThat(store.get("data").policy()).isNull();
        assertThat(store.get("data").tags()).containsEntry("team", "eng");
        store.update("data", s -> s.withPolicy(policy));
        store.remove("data");
        assertThat(store.get("data").policy()).isNull();
    }

    @Test
    void settingsWrittenBeforePoliciesExistedReadWithoutOne() throws Exception {
        Files.writeString(folder.resolve("data.json"), "{\"region\":\"eu-west-1\",\"tags\":{}}");
        BucketSettings read = new BucketSettingsStore(folder, false).get("data");
        assertThat(read.region()).isEqualTo("eu-west-1");
        assertThat(read.policy()).isNull();
    }

    @Test
    void filesAreWrittenAtomicallyWithoutLeftovers() throws Exception {
        BucketSettingsStore store = new BucketSettingsStore(folder, true);
        store.update("data", s -> s.withRegion("eu-west-1"));
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("data.json");
        }
    }

    @Test
    void namesThatAreNotBucketsNeverBecomePaths() {
        BucketSettingsStore store = new BucketSettingsStore(folder, false);
        assertThatThrownBy(() -> store.get("../escape")).isInstanceOf(InvalidBucketNameException.class);
        assertThatThrownBy(() -> store.update(".glaux", s -> s)).isInstanceOf(InvalidBucketNameException.class);
    }
}
