package io.glaux.tags;

import io.glaux.datacatalog.DataCatalogService;
import io.glaux.datacatalog.DataCatalogType;
import io.glaux.error.GlauxException;
import io.glaux.workgroup.WorkgroupService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceTagsTest {

    private static final String ARN = "arn:aws:athena:us-east-1:000000000000:";

    @TempDir
    Path folder;

    private WorkgroupService workgroups() {
        return new WorkgroupService(folder.resolve("workgroups"), null);
    }

    private DataCatalogService catalogs() {
        return new DataCatalogService(folder.resolve("datacatalogs"));
    }

    @Test
    void tagsAreKeptWithTheirResourceAndSurviveARestart() {
        WorkgroupService workgroups = workgroups();
        DataCatalogService catalogs = catalogs();
        workgroups.create("team", null, null, Map.of("owner", "ana"));
        catalogs.create("dynamo", DataCatalogType.LAMBDA, null, Map.of("function", "arn:f"), Map.of("a", "1"));
        ResourceTags tags = new ResourceTags(workgroups, catalogs);

        tags.tag(ARN + "workgroup/team", Map.of("owner", "bo", "cost-center", "42"));
        tags.untag(ARN + "workgroup/team", List.of("cost-center", "never-there"));
        tags.tag(ARN + "datacatalog/DYNAMO", Map.of("b", "2"));
        tags.tag(ARN + "workgroup/primary", Map.of("env", "dev"));

        ResourceTags reopened = new ResourceTags(workgroups(), catalogs());
        assertThat(reopened.list(ARN + "workgroup/team")).containsExactly(Map.entry("owner", "bo"));
        assertThat(reopened.list("arn:aws:athena:eu-west-1:111111111111:datacatalog/dynamo"))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(reopened.list(ARN + "workgroup/primary")).containsExactly(Map.entry("env", "dev"));
        assertThat(workgroups().get("team").tags()).containsExactly(Map.entry("owner", "bo"));
    }

    @Test
    void missingResourcesAreUnknownAndMalformedArnsInvalid() {
        ResourceTags tags = new ResourceTags(workgroups(), catalogs());
        assertThatThrownBy(() -> tags.list(ARN + "workgroup/nobody")).isInstanceOf(UnknownResourceException.class)
                .hasMessage("WorkGroup nobody is not found.");
        assertThatThrownBy(() -> tags.tag(ARN + "datacatalog/AwsDataCatalog", Map.of("k", "v")))
                .isInstanceOf(UnknownResourceException.class).hasMessage("DataCatalog AwsDataCatalog was not found.");
        assertThatThrownBy(() -> tags.untag(ARN + "capacity-reservation/r", List.of("k")))
                .isInstanceOf(UnknownResourceException.class)
                .extracting(e -> ((UnknownResourceException) e).resourceName())
                .isEqualTo(ARN + "capacity-reservation/r");
        assertThatThrownBy(() -> tags.list("workgroup/primary")).isInstanceOf(GlauxException.class)
                .isNotInstanceOf(UnknownResourceException.class).hasMessage("Provided ARN was invalid");
    }

    @Test
    void tagRulesAreEnforced() {
        ResourceTags tags = new ResourceTags(workgroups(), catalogs());
        String primary = ARN + "workgroup/primary";
        assertThatThrownBy(() -> tags.tag(primary, Map.of("aws:owner", "x"))).hasMessageContaining("reserved");
        assertThatThrownBy(() -> tags.tag(primary, Map.of("bad#key", "x"))).hasMessageContaining("Invalid tag key");
        assertThatThrownBy(() -> tags.tag(primary, Map.of("k", "semi;colon"))).hasMessageContaining("Invalid tag value");
        tags.tag(primary, Map.of("ünïcode key", "a+b=c.d_e:f/g@h -1"));

        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 49; i++) {
            many.put("k" + i, "v");
        }
        tags.tag(primary, many);
        assertThat(tags.list(primary)).hasSize(50);
        assertThatThrownBy(() -> tags.tag(primary, Map.of("one-more", "v")))
                .hasMessage("A resource can have at most 50 tags; this change would leave 51");
        tags.tag(primary, Map.of("k0", "replaced"));
        assertThat(tags.list(primary)).hasSize(50).containsEntry("k0", "replaced");
    }
}
