package io.glaux.saved;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.workgroup.WorkgroupService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreparedStatementStoreTest {

    @TempDir
    Path data;

    private WorkgroupService workgroups() {
        return new WorkgroupService(data.resolve("workgroups"), "s3://results/");
    }

    private PreparedStatementStore store(WorkgroupService workgroups) {
        return new PreparedStatementStore(data.resolve("prepared-statements"), workgroups);
    }

    @Test
    void statementsSurviveARestartPerWorkgroup() {
        WorkgroupService workgroups = workgroups();
        workgroups.create("team", "", null, null);
        PreparedStatementStore store = store(workgroups);
        store.create("primary", "by_id", "SELECT * FROM t WHERE id = ?", "one row");
        store.create("team", "by_id", "SELECT 2", null);
        store.put("team", "team@q:x", "SELECT ?");

        PreparedStatementStore reloaded = store(workgroups());
        assertThat(reloaded.get("primary", "by_id").queryStatement()).isEqualTo("SELECT * FROM t WHERE id = ?");
        assertThat(reloaded.get("primary", "by_id").description()).isEqualTo("one row");
        assertThat(reloaded.list("team")).extracting(PreparedStatement::statementName)
                .containsExactly("by_id", "team@q:x");
        assertThat(reloaded.get("team", "by_id").workGroupName()).isEqualTo("team");
    }

    @Test
    void putReplacesTheSqlAndKeepsTheDescription() throws InterruptedException {
        PreparedStatementStore store = store(workgroups());
        PreparedStatement created = store.create("primary", "q1", "SELECT 1", "first");
        Thread.sleep(5);
        PreparedStatement replaced = store.put("primary", "q1", "SELECT 2");
        assertThat(replaced.description()).isEqualTo("first");
        assertThat(replaced.queryStatement()).isEqualTo("SELECT 2");
        assertThat(replaced.lastModifiedTime()).isAfter(created.lastModifiedTime());
        assertThat(store.update("primary", "q1", "SELECT 3", null).description()).isEqualTo("first");
        assertThat(store.update("primary", "q1", "SELECT 3", "new").description()).isEqualTo("new");
    }

    @Test
    void duplicatesMissingNamesBadNamesAndNestedCommandsAreRefused() {
        PreparedStatementStore store = store(workgroups());
        store.create("primary", "q1", "SELECT 1", null);
        assertError(() -> store.create("primary", "q1", "SELECT 2", null), ErrorType.ALREADY_EXISTS,
                "Prepared statement q1 already exists in workgroup primary");
        assertError(() -> store.get("primary", "nope"), ErrorType.NOT_FOUND, "Prepared statement not found: nope");
        assertError(() -> store.delete("primary", "nope"), ErrorType.NOT_FOUND,
                "Prepared statement not found: nope");
        assertError(() -> store.update("primary", "nope", "SELECT 1", null), ErrorType.NOT_FOUND,
                "Prepared statement not found: nope");
        assertError(() -> store.create("primary", "1q", "SELECT 1", null), ErrorType.INVALID_ARGUMENT,
                "Invalid prepared statement name '1q': it must match [a-zA-Z_][a-zA-Z0-9_@:]{1,256}");
        assertError(() -> store.put("primary", "q2", "EXECUTE q1"), ErrorType.INVALID_ARGUMENT,
                "Invalid statement type for prepared statement: EXECUTE");
        assertError(() -> store.list("nowhere"), ErrorType.INVALID_ARGUMENT, "WorkGroup nowhere is not found.");
    }

    @Test
    void sqlNamesResolveExactlyThenIgnoringCase() {
        PreparedStatementStore store = store(workgroups());
        store.create("primary", "ByRegion", "SELECT 1", null);
        assertThat(store.resolve("primary", "byregion").statementName()).isEqualTo("ByRegion");
        store.create("primary", "BYREGION", "SELECT 2", null);
        assertThat(store.resolve("primary", "BYREGION").queryStatement()).isEqualTo("SELECT 2");
        assertError(() -> store.resolve("primary", "byregion"), ErrorType.NOT_FOUND,
                "Prepared statement not found: byregion");
    }

    @Test
    void deletingTheLastStatementOfAWorkgroupLeavesNothingBehind() {
        PreparedStatementStore store = store(workgroups());
        store.create("primary", "q1", "SELECT 1", null);
        store.delete("primary", "q1");
        assertThat(store.list("primary")).isEmpty();
        assertThat(store(workgroups()).list("primary")).isEmpty();
        assertThat(data.resolve("prepared-statements/primary.json")).doesNotExist();
    }

    static void assertError(Runnable call, ErrorType type, String message) {
        assertThatThrownBy(call::run).isInstanceOf(GlauxException.class).hasMessage(message)
                .satisfies(e -> assertThat(((GlauxException) e).type()).isEqualTo(type));
    }
}
