package io.glaux.junit;

import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @RegisterExtension static}: an empty server, used through the extension's own accessors. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlauxExtensionFieldTest {

    @RegisterExtension
    static final GlauxExtension glaux = GlauxExtension.empty();

    private static GlauxServer first;

    @Test
    @Order(1)
    void anEmptyServerHasOnlyTheDefaultDatabase() throws Exception {
        first = glaux.server();
        assertThat(glaux.endpoint()).isEqualTo(first.endpoint());
        assertThat(glaux.glaux().catalog().listDatabases()).extracting(d -> d.name()).containsExactly("default");
        assertThat(Queries.rows(glaux.athena(), "SELECT 1 + 1 AS two")).containsExactly(List.of("two"), List.of("2"));
    }

    @Test
    @Order(2)
    void stateCarriesOverBetweenTestsOfTheClass() throws Exception {
        assertThat(glaux.server()).isSameAs(first);
        glaux.athena().createWorkGroup(b -> b.name("second"));
        assertThat(glaux.athena().listWorkGroups(b -> { }).workGroups()).extracting(w -> w.name()).contains("second");
    }

    @AfterAll
    static void theClientIsSharedByTheClass() {
        assertThat(glaux.athena()).isSameAs(glaux.athena());
    }
}
