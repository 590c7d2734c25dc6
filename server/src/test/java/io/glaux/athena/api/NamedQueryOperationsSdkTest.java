package io.glaux.athena.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.BatchGetNamedQueryResponse;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.ListNamedQueriesRequest;
import software.amazon.awssdk.services.athena.model.ListNamedQueriesResponse;
import software.amazon.awssdk.services.athena.model.NamedQuery;
import software.amazon.awssdk.services.athena.model.UnprocessedNamedQueryId;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The named query operations through the AWS SDK for Java v2's AthenaClient. */
class NamedQueryOperationsSdkTest {

    @TempDir
    Path data;

    private SdkServer server;

    @BeforeEach
    void start() throws Exception {
        server = new SdkServer(data);
        athena().createWorkGroup(b -> b.name("team").description("the team"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AthenaClient athena() {
        return server.athena();
    }

    private String create(String name, String workgroup) {
        return athena().createNamedQuery(b -> b.name(name).database("shop").queryString("SELECT '" + name + "'")
                .workGroup(workgroup)).namedQueryId();
    }

    @Test
    void createGetUpdateAndDelete() {
        String id = athena().createNamedQuery(b -> b.name("top customers").description("by revenue")
                .database("shop").queryString("SELECT * FROM customers LIMIT 10").workGroup("team")).namedQueryId();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(athena().getNamedQuery(b -> b.namedQueryId(id)).namedQuery()).isEqualTo(NamedQuery.builder()
                .name("top customers").description("by revenue").database("shop")
                .queryString("SELECT * FROM customers LIMIT 10").namedQueryId(id).workGroup("team").build());

        athena().updateNamedQuery(b -> b.namedQueryId(id).name("top 5").queryString("SELECT 5"));
        NamedQuery updated = athena().getNamedQuery(b -> b.namedQueryId(id)).namedQuery();
        assertThat(updated.name()).isEqualTo("top 5");
        assertThat(updated.queryString()).isEqualTo("SELECT 5");
        assertThat(updated.description()).isEqualTo("by revenue");
        assertThat(updated.database()).isEqualTo("shop");
        athena().updateNamedQuery(b -> b.namedQueryId(id).name("top 5").description("").queryString("SELECT 5"));
        assertThat(athena().getNamedQuery(b -> b.namedQueryId(id)).namedQuery().description()).isEmpty();

        athena().deleteNamedQuery(b -> b.namedQueryId(id));
        assertThatThrownBy(() -> athena().getNamedQuery(b -> b.namedQueryId(id)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(SdkServer.message(e)).isEqualTo("NamedQuery " + id + " was not found"));
        assertThat(athena().listNamedQueries(b -> b.workGroup("team")).namedQueryIds()).isEmpty();
    }

    @Test
    void withoutAWorkgroupNamedQueriesGoToPrimary() {
        String id = athena().createNamedQuery(b -> b.name("q").database("shop").queryString("SELECT 1"))
                .namedQueryId();
        assertThat(athena().getNamedQuery(b -> b.namedQueryId(id)).namedQuery().workGroup()).isEqualTo("primary");
        assertThat(athena().listNamedQueries(b -> { }).namedQueryIds()).containsExactly(id);
        assertThat(athena().listNamedQueries(b -> b.workGroup("team")).namedQueryIds()).isEmpty();
    }

    @Test
    void aRepeatedClientRequestTokenCreatesOnce() {
        String token = "0123456789abcdef0123456789abcdef-token";
        String first = athena().createNamedQuery(b -> b.name("q").database("shop").queryString("SELECT 1")
                .clientRequestToken(token)).namedQueryId();
        String again = athena().createNamedQuery(b -> b.name("q").database("shop").queryString("SELECT 1")
                .clientRequestToken(token)).namedQueryId();
        assertThat(again).isEqualTo(first);
        assertThat(athena().listNamedQueries(b -> { }).namedQueryIds()).containsExactly(first);
        assertThatThrownBy(() -> athena().createNamedQuery(b -> b.name("q").database("shop")
                .queryString("SELECT 2").clientRequestToken(token)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(SdkServer.message(e))
                        .isEqualTo("The ClientRequestToken was already used to create a different named query"));
        // Without a token of its own, the SDK makes up a new one for every call: two calls, two queries.
        String other = athena().createNamedQuery(b -> b.name("q").database("shop").queryString("SELECT 1"))
                .namedQueryId();
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void theSdkPaginatorWalksEveryPage() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(create("q" + i, "team"));
        }
        create("elsewhere", "primary");
        List<String> listed = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        for (ListNamedQueriesResponse page : athena().listNamedQueriesPaginator(ListNamedQueriesRequest.builder()
                .workGroup("team").maxResults(3).build())) {
            pageSizes.add(page.namedQueryIds().size());
            listed.addAll(page.namedQueryIds());
        }
        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(created);
        assertThat(athena().listNamedQueries(b -> b.workGroup("team").maxResults(0)).namedQueryIds()).hasSize(7);
    }

    @Test
    void batchGetReportsUnknownIds() {
        String a = create("a", "team");
        String b = create("b", "primary");
        BatchGetNamedQueryResponse batch = athena().batchGetNamedQuery(r -> r.namedQueryIds(a, "no-such-id", b));
        assertThat(batch.namedQueries()).extracting(NamedQuery::namedQueryId, NamedQuery::name,
                NamedQuery::workGroup).containsExactly(org.assertj.core.groups.Tuple.tuple(a, "a", "team"),
                org.assertj.core.groups.Tuple.tuple(b, "b", "primary"));
        assertThat(batch.unprocessedNamedQueryIds()).containsExactly(UnprocessedNamedQueryId.builder()
                .namedQueryId("no-such-id").errorCode("INVALID_INPUT")
                .errorMessage("NamedQuery no-such-id was not found").build());
    }

    @Test
    void namedQueriesSurviveARestart() throws Exception {
        String id = athena().createNamedQuery(b -> b.name("kept").description("after restart").database("shop")
                .queryString("SELECT 42").workGroup("team")).namedQueryId();
        server.restart();
        assertThat(athena().listNamedQueries(b -> b.workGroup("team")).namedQueryIds()).containsExactly(id);
        assertThat(athena().getNamedQuery(b -> b.namedQueryId(id)).namedQuery()).isEqualTo(NamedQuery.builder()
                .name("kept").description("after restart").database("shop").queryString("SELECT 42")
                .namedQueryId(id).workGroup("team").build());
    }

    @Test
    void badRequestsAreInvalidRequestExceptions() {
        assertInvalid(() -> athena().createNamedQuery(b -> b.name("q").database("shop").queryString("SELECT 1")
                .workGroup("nope")), "WorkGroup nope is not found.");
        assertInvalid(() -> athena().listNamedQueries(b -> b.workGroup("nope")), "WorkGroup nope is not found.");
        assertInvalid(() -> athena().createNamedQuery(b -> b.name("q").queryString("SELECT 1")),
                "1 validation error detected: Value null at 'database' failed to satisfy constraint: Member must"
                        + " not be null");
        assertInvalid(() -> athena().createNamedQuery(b -> b.name("x".repeat(129)).database("shop")
                .queryString("SELECT 1")), "1 validation error detected: Value '" + "x".repeat(100) + "...' at"
                + " 'name' failed to satisfy constraint: Member must have length less than or equal to 128");
        assertInvalid(() -> athena().listNamedQueries(b -> b.maxResults(51)), "1 validation error detected: Value"
                + " '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal"
                + " to 50");
        assertInvalid(() -> athena().updateNamedQuery(b -> b.namedQueryId("missing").name("n")
                .queryString("SELECT 1")), "NamedQuery missing was not found");
        assertInvalid(() -> athena().deleteNamedQuery(b -> b.namedQueryId("missing")),
                "NamedQuery missing was not found");
        assertInvalid(() -> athena().batchGetNamedQuery(b -> b.namedQueryIds(new ArrayList<>())),
                "1 validation error detected: Value '[]' at 'namedQueryIds' failed to satisfy constraint: Member"
                        + " must have length greater than or equal to 1");
    }

    private static void assertInvalid(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(SdkServer.message(e)).isEqualTo(message));
    }
}
