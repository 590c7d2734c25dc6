package io.glaux.athena.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.DataCatalogType;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.athena.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.athena.model.ResourceNotFoundException;
import software.amazon.awssdk.services.athena.model.Tag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TagResource, UntagResource and ListTagsForResource through the AWS SDK for Java v2. */
class TagApiTest {

    private static final String WORKGROUP = "arn:aws:athena:us-east-1:000000000000:workgroup/";
    private static final String CATALOG = "arn:aws:athena:us-east-1:000000000000:datacatalog/";

    @TempDir
    Path data;

    private SdkServer glaux;
    private AthenaClient athena;

    @BeforeEach
    void start() throws Exception {
        glaux = new SdkServer(data);
        athena = glaux.athena();
    }

    @AfterEach
    void stop() throws Exception {
        glaux.close();
    }

    private List<String> tags(String arn) {
        List<String> tags = new ArrayList<>();
        for (ListTagsForResourceResponse page : athena.listTagsForResourcePaginator(
                ListTagsForResourceRequest.builder().resourceARN(arn).build())) {
            page.tags().forEach(t -> tags.add(t.key() + "=" + t.value()));
        }
        return tags;
    }

    @Test
    void workgroupTagsAreListedChangedAndRemoved() {
        athena.createWorkGroup(b -> b.name("team").tags(Tag.builder().key("owner").value("ana").build(),
                Tag.builder().key("env").value("dev").build()));
        assertThat(tags(WORKGROUP + "team")).containsExactly("env=dev", "owner=ana");

        athena.tagResource(b -> b.resourceARN(WORKGROUP + "team").tags(Tag.builder().key("owner").value("bo").build(),
                Tag.builder().key("cost-center").value("42").build(), Tag.builder().key("empty").build()));
        assertThat(tags(WORKGROUP + "team")).containsExactly("cost-center=42", "empty=", "env=dev", "owner=bo");

        athena.untagResource(b -> b.resourceARN(WORKGROUP + "team").tagKeys("env", "empty", "never-set"));
        ListTagsForResourceResponse page = athena.listTagsForResource(b -> b.resourceARN(WORKGROUP + "team")
                .maxResults(75));
        assertThat(page.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("cost-center=42",
                "owner=bo");
        assertThat(page.nextToken()).isNull();

        // Terraform reads the tags of every workgroup it manages, primary included.
        assertThat(tags("arn:aws:athena:eu-west-1:123456789012:workgroup/primary")).isEmpty();

        athena.deleteWorkGroup(b -> b.workGroup("team"));
        athena.createWorkGroup(b -> b.name("team"));
        assertThat(tags(WORKGROUP + "team")).isEmpty();
    }

    @Test
    void dataCatalogTagsComeFromCreateAndTagResource() {
        athena.createDataCatalog(b -> b.name("dynamo").type(DataCatalogType.LAMBDA)
                .parameters(Map.of("function", "arn:aws:lambda:us-east-1:000000000000:function:f"))
                .tags(Tag.builder().key("team").value("data").build()));
        athena.tagResource(b -> b.resourceARN(CATALOG + "dynamo").tags(Tag.builder().key("tier").value("gold")
                .build()));
        assertThat(tags(CATALOG + "Dynamo")).containsExactly("team=data", "tier=gold");
        athena.untagResource(b -> b.resourceARN(CATALOG + "dynamo").tagKeys("team"));
        assertThat(tags(CATALOG + "dynamo")).containsExactly("tier=gold");
    }

    @Test
    void unknownResourcesAreNotFoundAndMalformedArnsInvalid() {
        assertThatThrownBy(() -> athena.listTagsForResource(b -> b.resourceARN(WORKGROUP + "nobody")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("WorkGroup nobody is not found.");
        assertThatThrownBy(() -> athena.tagResource(b -> b.resourceARN(CATALOG + "nowhere")
                .tags(Tag.builder().key("k").value("v").build()))).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("DataCatalog nowhere was not found.");
        assertThatThrownBy(() -> athena.listTagsForResource(b -> b.resourceARN(CATALOG + "AwsDataCatalog")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> athena.untagResource(b -> b.resourceARN(
                "arn:aws:athena:us-east-1:000000000000:capacity-reservation/r").tagKeys("k")))
                .isInstanceOf(ResourceNotFoundException.class);
        for (String bad : List.of("primary", "arn:aws:athena:us-east-1::workgroup/primary",
                "arn:aws:s3:::bucket", "arn:aws:athena:us-east-1:000000000000:namedquery/x")) {
            assertThatThrownBy(() -> athena.listTagsForResource(b -> b.resourceARN(bad)))
                    .as(bad).isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("Provided ARN was invalid");
        }
    }

    @Test
    void badMembersAndTagsAreInvalidRequests() {
        assertThatThrownBy(() -> athena.listTagsForResource(b -> b.resourceARN(WORKGROUP + "primary").maxResults(74)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("1 validation error detected: Value '74' at 'maxResults' failed to satisfy"
                        + " constraint: Member must have value greater than or equal to 75");
        assertThatThrownBy(() -> athena.listTagsForResource(b -> b.resourceARN("")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at 'resourceARN'");
        assertThatThrownBy(() -> athena.tagResource(b -> b.resourceARN(WORKGROUP + "primary")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("1 validation error detected: Value null at 'tags' failed to satisfy"
                        + " constraint: Member must not be null");
        assertThatThrownBy(() -> athena.untagResource(b -> b.resourceARN(WORKGROUP + "primary")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("1 validation error detected: Value null at 'tagKeys' failed to satisfy"
                        + " constraint: Member must not be null");
        assertThatThrownBy(() -> athena.tagResource(b -> b.resourceARN(WORKGROUP + "primary")
                .tags(Tag.builder().key("k".repeat(129)).value("v").build())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at 'key' failed to satisfy constraint: Member must have length less than or"
                        + " equal to 128");
        assertThatThrownBy(() -> athena.tagResource(b -> b.resourceARN(WORKGROUP + "primary")
                .tags(Tag.builder().key("aws:createdBy").value("me").build())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> athena.tagResource(b -> b.resourceARN(WORKGROUP + "primary")
                .tags(Tag.builder().key("k").value("no;semicolons").build())))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("Invalid tag value");

        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(Tag.builder().key("k" + i).value("v").build());
        }
        athena.tagResource(b -> b.resourceARN(WORKGROUP + "primary").tags(fifty));
        assertThatThrownBy(() -> athena.tagResource(b -> b.resourceARN(WORKGROUP + "primary")
                .tags(Tag.builder().key("fifty-first").value("v").build())))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("A resource can have at most 50");
        assertThat(tags(WORKGROUP + "primary")).hasSize(50);
        assertThatThrownBy(() -> athena.listTagsForResource(b -> b.resourceARN(WORKGROUP + "primary")
                .nextToken("bogus"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("Invalid NextToken");
    }

    @Test
    void concurrentTaggingLosesNoTagAndTagsSurviveARestart() throws Exception {
        athena.createWorkGroup(b -> b.name("busy"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String key = "key" + (char) ('a' + i);
                calls.add(pool.submit(() -> athena.tagResource(b -> b.resourceARN(WORKGROUP + "busy")
                        .tags(Tag.builder().key(key).value("v").build()))));
                calls.add(pool.submit(() -> athena.listTagsForResource(b -> b.resourceARN(WORKGROUP + "busy"))));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(tags(WORKGROUP + "busy")).hasSize(24);

        glaux.restart();
        athena = glaux.athena();
        assertThat(tags(WORKGROUP + "busy")).hasSize(24).contains("keya=v", "keyx=v");
    }
}
