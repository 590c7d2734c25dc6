package io.glaux.connectors.jdbc;

import io.glaux.connector.Connector;
import io.glaux.datacatalog.DataCatalog;
import io.glaux.datacatalog.DataCatalogParameters;
import io.glaux.datacatalog.DataCatalogType;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which catalogs the factory serves and how it reads their connection settings; nothing here connects. */
class JdbcConnectorFactoryTest {

    private static DataCatalog federated(String name, Map<String, String> parameters) {
        return new DataCatalog(name, DataCatalogType.FEDERATED, null, parameters, Map.of(), null);
    }

    private static DataCatalog postgres(String properties) {
        return federated("pg", Map.of(DataCatalogParameters.CONNECTION_TYPE, "POSTGRESQL",
                JdbcConnectorFactory.CONNECTION_PROPERTIES, properties));
    }

    private static JdbcConnectionConfig settings(DataCatalog catalog, Map<String, String> named) {
        return JdbcConnectorFactory.settings(catalog, named).orElseThrow();
    }

    @Test
    void aFederatedCatalogsGlueConnectionPropertiesMakeTheUrlAndCredentials() {
        JdbcConnectionConfig config = settings(postgres("{\"HOST\":\"db.example.com\",\"PORT\":\"6543\","
                + "\"DATABASE\":\"shop\",\"USERNAME\":\"reader\",\"PASSWORD\":\"p@ss\",\"JDBC_PARAMS\":\"ssl=false\","
                + "\"spill_bucket\":\"b\"}"), Map.of());

        assertThat(config.url()).isEqualTo("jdbc:postgresql://db.example.com:6543/shop?ssl=false");
        assertThat(config.properties()).containsEntry("user", "reader").containsEntry("password", "p@ss");
        assertThat(config.describe()).isEqualTo("jdbc:postgresql://db.example.com:6543/shop").doesNotContain("p@ss");
        assertThat(config.defaultScale()).isZero();
    }

    @Test
    void propertyKeysAreReadInAnyCaseAndThePortDefaultsTo5432() {
        JdbcConnectionConfig config = settings(postgres("{\"host\":\"h\",\"database\":\"d\",\"user\":\"u\","
                + "\"password\":\"p\",\"default_scale\":6}"), Map.of());

        assertThat(config.url()).isEqualTo("jdbc:postgresql://h:5432/d");
        assertThat(config.properties()).containsEntry("user", "u").containsEntry("password", "p");
        assertThat(config.defaultScale()).isEqualTo(6);
    }

    @Test
    void aConnectionStringPropertyIsTakenInTheAwsFormatOrAsAJdbcUrl() {
        assertThat(settings(postgres("{\"JDBC_CONNECTION_STRING\":\"jdbc:postgresql://h:1/d\",\"USERNAME\":\"u\"}"),
                Map.of()).url()).isEqualTo("jdbc:postgresql://h:1/d");
        assertThat(settings(postgres("{\"connection-string\":\"postgres://jdbc:postgresql://h:2/d?user=a&password=b\"}"),
                Map.of()).url()).isEqualTo("jdbc:postgresql://h:2/d?user=a&password=b");
        assertThat(settings(federated("pg", Map.of(DataCatalogParameters.CONNECTION_TYPE, "POSTGRESQL",
                "connection-string", "jdbc:postgresql://h:3/d")), Map.of()).url())
                .isEqualTo("jdbc:postgresql://h:3/d");
    }

    @Test
    void aCatalogGivenByNameUsesItsConnectionStringWhateverItsType() {
        Map<String, String> named = Map.of("Shop", "postgres://jdbc:postgresql://h:5432/shop?user=u&password=p");

        JdbcConnectionConfig lambda = settings(new DataCatalog("shop", DataCatalogType.LAMBDA, null,
                Map.of(DataCatalogParameters.FUNCTION, "anything"), Map.of(), null), named);
        assertThat(lambda.url()).isEqualTo("jdbc:postgresql://h:5432/shop?user=u&password=p");
        assertThat(lambda.describe()).isEqualTo("jdbc:postgresql://h:5432/shop");
        assertThat(lambda.catalog()).isEqualTo("shop");
    }

    @Test
    void otherCatalogsAreLeftToOtherFactories() {
        JdbcConnectorFactory factory = new JdbcConnectorFactory(Map.of("shop", "jdbc:postgresql://h/shop"));

        assertThat(factory.create(federated("my", Map.of(DataCatalogParameters.CONNECTION_TYPE, "MYSQL",
                JdbcConnectorFactory.CONNECTION_PROPERTIES, "{}")))).isEmpty();
        assertThat(factory.create(federated("arn", Map.of(DataCatalogParameters.CONNECTION_ARN,
                "arn:aws:glue:us-east-1:123456789012:connection/x")))).isEmpty();
        assertThat(factory.create(new DataCatalog("other", DataCatalogType.LAMBDA, null,
                Map.of(DataCatalogParameters.FUNCTION, "fn"), Map.of(), null))).isEmpty();
        assertThat(factory.create(new DataCatalog("shop", DataCatalogType.GLUE, null,
                Map.of(DataCatalogParameters.CATALOG_ID, "123456789012"), Map.of(), null))).isEmpty();
    }

    @Test
    void aServedCatalogGetsAConnectorWithoutConnecting() {
        Optional<Connector> connector = new JdbcConnectorFactory().create(
                postgres("{\"HOST\":\"192.0.2.1\",\"DATABASE\":\"d\"}"));

        assertThat(connector).isPresent();
        connector.get().close();
    }

    @Test
    void invalidSettingsAreAGenericUserErrorNamingTheCatalog() {
        assertInvalid(postgres("{\"HOST\":\"h\"}"), "connection-properties need HOST and DATABASE");
        assertInvalid(postgres("not json"), "connection-properties is not a JSON object");
        assertInvalid(postgres("[1]"), "must be a JSON object");
        assertInvalid(postgres("{\"HOST\":\"h\",\"DATABASE\":\"d\",\"PORT\":\"x\"}"), "PORT must be a number");
        assertInvalid(postgres("{\"connection_string\":\"mysql://jdbc:mysql://h/d\"}"),
                "the connection string is for 'mysql'");
        assertInvalid(postgres("{\"connection_string\":\"jdbc:mysql://h/d\"}"), "only jdbc:postgresql: URLs");
        assertInvalid(postgres("{\"HOST\":\"h\",\"DATABASE\":\"d\",\"default_scale\":\"40\"}"),
                "default_scale must be a number from 0 to 38");
        assertInvalid(postgres("{\"HOST\":\"h\",\"DATABASE\":\"d\",\"SecretArn\":\"arn:aws:secretsmanager:x\"}"),
                "Glaux does not read AWS Secrets Manager");
        Map<String, String> named = new HashMap<>();
        named.put("shop", "postgres://jdbc:postgresql://h:5432/shop?${shop_secret}");
        assertThatThrownBy(() -> new JdbcConnectorFactory(named).create(new DataCatalog("shop",
                DataCatalogType.LAMBDA, null, Map.of(DataCatalogParameters.FUNCTION, "f"), Map.of(), null)))
                .isInstanceOf(GlauxException.class)
                .hasMessageContaining("GENERIC_USER_ERROR: Catalog 'shop' has invalid connection settings")
                .hasMessageContaining("Secrets Manager secret");
    }

    private static void assertInvalid(DataCatalog catalog, String problem) {
        assertThatThrownBy(() -> new JdbcConnectorFactory().create(catalog))
                .isInstanceOfSatisfying(GlauxException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.USER_ERROR))
                .hasMessageStartingWith("GENERIC_USER_ERROR: Catalog 'pg' has invalid connection settings: ")
                .hasMessageContaining(problem);
    }
}
