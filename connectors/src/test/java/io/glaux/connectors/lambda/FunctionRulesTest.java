package io.glaux.connectors.lambda;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lambda's checks of a function's settings, with Lambda's messages. */
class FunctionRulesTest {

    private static FunctionSettings java(String runtime) {
        return TestFunctions.settings("fn.Echo").withRuntime(runtime).withDefaults("f");
    }

    @Test
    void javaRuntimesFrom17OnAreTakenAndOthersRefused() {
        for (String runtime : FunctionRules.RUNTIMES) {
            assertThatCode(() -> FunctionRules.checkCreate(java(runtime))).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> FunctionRules.checkCreate(java("java11"))).isInstanceOf(LambdaException.class)
                .hasMessageStartingWith("The runtime parameter of java11 is not supported by Glaux");
        assertThatThrownBy(() -> FunctionRules.checkCreate(java("nodejs20.x")))
                .hasMessageStartingWith("The runtime parameter of nodejs20.x is not supported by Glaux");
    }

    @Test
    void aZipPackageNeedsARuntimeAndAHandler() {
        assertThatThrownBy(() -> FunctionRules.checkCreate(FunctionSettings.none().withHandler("a.B").withDefaults("f")))
                .hasMessage("Runtime and Handler are mandatory parameters for functions created with deployment"
                        + " packages.");
        assertThatThrownBy(() -> FunctionRules.checkCreate(java("java17").withPackageType("Image")))
                .hasMessageContaining("Glaux runs Zip packages only");
    }

    @Test
    void reservedVariablesAndMoreThan4KbOfThemAreRefused() {
        assertThatThrownBy(() -> FunctionRules.checkEnvironment(Map.of("_HANDLER", "x", "AWS_SESSION_TOKEN", "y")))
                .hasMessageEndingWith("Reserved keys used in this request: AWS_SESSION_TOKEN, _HANDLER");
        assertThatThrownBy(() -> FunctionRules.checkEnvironment(Map.of("BIG", "x".repeat(4096))))
                .hasMessageStartingWith("Lambda was unable to configure your environment variables because the"
                        + " environment variables you have provided exceeded the 4KB limit. String measured: {\"BIG\":");
        assertThatCode(() -> FunctionRules.checkEnvironment(Map.of("AWS_ENDPOINT_URL", "http://x", "A", "b")))
                .doesNotThrowAnyException();
    }
}
