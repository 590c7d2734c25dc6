package io.glaux.saved;

import io.glaux.error.ErrorType;
import io.glaux.workgroup.WorkgroupService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.glaux.saved.PreparedStatementStoreTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class NamedQueryStoreTest {

    @TempDir
    Path data;

    private WorkgroupService workgroups() {
        return new WorkgroupService(data.resolve("workgroups"), "s3://results/");
    }

    private NamedQueryStore store(WorkgroupService workgroups) {
        return new NamedQueryStore(data.resolve("named-queries"), workgroups);
    }

    @Test
    void queriesAreScopedByWorkgroupAndSurviveARestart() {
        WorkgroupService workgroups = workgroups();
        workgroups.create("team", "", null, null);
        NamedQueryStore store = store(workgroups);
        NamedQuery first = store.create("orders", "all orders", "shop", "SELECT * FROM orders", null, null);
        NamedQuery second = store.create("customers", null, "shop", "SELECT * FROM customers", "team", null);
        assertThat(first.workGroup()).isEqualTo("primary");
        assertThat(first.namedQueryId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        NamedQueryStore reloaded = store(workgroups());
        assertThat(reloaded.get(first.namedQueryId())).isEqualTo(first);
        assertThat(reloaded.list("primary")).containsExactly(first);
        assertThat(reloaded.list("team")).containsExactly(second);
        assertError(() -> reloaded.list("nowhere"), ErrorType.INVALID_ARGUMENT, "WorkGroup nowhere is not found.");
        assertError(() -> reloaded.create("x", null, "shop", "SELECT 1", "nowhere", null),
                ErrorType.INVALID_ARGUMENT, "WorkGroup nowhere is not found.");
    }

    @Test
    void aRepeatedTokenReturnsTheFirstQueryUnlessTheRequestChanged() {
        NamedQueryStore store = store(workgroups());
        String token = "a".repeat(32);
        NamedQuery created = store.create("q", "d", "shop", "SELECT 1", null, token);
        assertThat(store.create("q", "d", "shop", "SELECT 1", "primary", token)).isEqualTo(created);
        assertThat(store.list("primary")).hasSize(1);
        assertError(() -> store.create("q", "d", "shop", "SELECT 2", null, token), ErrorType.INVALID_ARGUMENT,
                "The ClientRequestToken was already used to create a different named query");
    }

    @Test
    void updateKeepsIdDatabaseAndWorkgroupAndDeleteRemovesTheFile() {
        NamedQueryStore store = store(workgroups());
        NamedQuery created = store.create("q", "d", "shop", "SELECT 1", null, null);
        NamedQuery updated = store.update(created.namedQueryId(), "q2", null, "SELECT 2");
        assertThat(updated).isEqualTo(new NamedQuery(created.namedQueryId(), "q2", "d", "shop", "SELECT 2",
                "primary", null, created.creationTime()));
        assertThat(store(workgroups()).get(created.namedQueryId())).isEqualTo(updated);
        store.delete(created.namedQueryId());
        assertThat(store.find(created.namedQueryId())).isEmpty();
        assertThat(store(workgroups()).list("primary")).isEmpty();
        assertError(() -> store.delete(created.namedQueryId()), ErrorType.NOT_FOUND,
                "NamedQuery " + created.namedQueryId() + " was not found");
    }
}
