package io.glaux.connectors.lambda;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Names, partial ARNs and full ARNs as Lambda reads them, in Glaux's one region and account. */
class FunctionNamesTest {

    private final FunctionNames names = new FunctionNames("us-east-1", "123456789012");

    @Test
    void aNameAPartialArnAndAFullArnNameTheSameFunction() {
        assertThat(names.resolve("my-function")).isEqualTo("my-function");
        assertThat(names.resolve("my-function:$LATEST")).isEqualTo("my-function");
        assertThat(names.resolve("123456789012:function:my-function")).isEqualTo("my-function");
        assertThat(names.resolve("function:my_function")).isEqualTo("my_function");
        assertThat(names.resolve("arn:aws:lambda:us-east-1:123456789012:function:my-function"))
                .isEqualTo("my-function");
        assertThat(names.resolve("arn:aws:lambda:us-east-1:123456789012:function:my-function:$LATEST"))
                .isEqualTo("my-function");
        assertThat(names.arn("my-function")).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:my-function");
    }

    @Test
    void anotherAccountRegionOrQualifierIsNotFoundWithTheArnItNames() {
        assertThatThrownBy(() -> names.resolve("arn:aws:lambda:us-east-1:000000000000:function:f"))
                .hasMessage("Function not found: arn:aws:lambda:us-east-1:000000000000:function:f");
        assertThatThrownBy(() -> names.resolve("arn:aws:lambda:eu-west-1:123456789012:function:f"))
                .hasMessage("Function not found: arn:aws:lambda:eu-west-1:123456789012:function:f");
        assertThatThrownBy(() -> names.resolve("f:prod"))
                .hasMessage("Function not found: arn:aws:lambda:us-east-1:123456789012:function:f:prod");
        assertThatThrownBy(() -> names.resolve("x".repeat(65)))
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.kind())
                        .isEqualTo(LambdaException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> names.resolve("a b")).hasMessage("Function not found: a b");
        assertThatThrownBy(() -> names.resolve(null)).hasMessage("Function not found: null");
    }
}
