package io.glaux.s3.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3RoutesTest {

    private final S3Routes routes = new S3Routes(new S3Backend(null, null, null));

    private S3Operation route(String method, String uri) {
        return routes.route(FakeHttpRequest.of(method, uri).s3());
    }

    private static String code(Throwable error) {
        return ((S3Exception) error).code();
    }

    @Test
    void everyOperationOfTheServiceBucketsAndObjectsHasARoute() {
        for (String[] request : new String[][] {{"GET", "/"}, {"PUT", "/b"}, {"HEAD", "/b"}, {"DELETE", "/b"},
                {"GET", "/b?list-type=2"}, {"GET", "/b?versions"}, {"GET", "/b?uploads"}, {"POST", "/b?delete"},
                {"GET", "/b?location"}, {"PUT", "/b?versioning"}, {"DELETE", "/b?tagging"}, {"PUT", "/b?lifecycle"},
                {"GET", "/b?encryption"}, {"GET", "/b?acl"}, {"GET", "/b?policy"}, {"GET", "/b?cors"},
                {"GET", "/b?object-lock"}, {"PUT", "/b/k"}, {"GET", "/b/k?versionId=null"}, {"HEAD", "/b/k"},
                {"DELETE", "/b/k"}, {"POST", "/b/k?uploads"}, {"PUT", "/b/k?partNumber=1&uploadId=u"},
                {"POST", "/b/k?uploadId=u"}, {"GET", "/b/k?uploadId=u"}, {"DELETE", "/b/k?uploadId=u"},
                {"GET", "/b/k?tagging"}, {"PUT", "/b/k?tagging"}, {"GET", "/b/k?acl"}}) {
            assertThat(route(request[0], request[1])).as(request[0] + " " + request[1]).isNotNull();
        }
    }

    @Test
    void methodsAResourceDoesNotTakeAreMethodNotAllowed() {
        assertThatThrownBy(() -> route("DELETE", "/")).satisfies(e -> assertThat(code(e)).isEqualTo(
                "MethodNotAllowed"));
        assertThatThrownBy(() -> route("POST", "/b")).satisfies(e -> assertThat(code(e)).isEqualTo(
                "MethodNotAllowed"));
        assertThatThrownBy(() -> route("POST", "/b/k")).satisfies(e -> assertThat(((S3Exception) e).status())
                .isEqualTo(405));
    }

    @Test
    void subresourcesGlauxDoesNotHaveAreNotImplemented() {
        for (String uri : new String[] {"/b?website", "/b?replication", "/b?logging", "/b/k?retention",
                "/b/k?legal-hold", "/b/k?attributes"}) {
            assertThatThrownBy(() -> route("GET", uri)).as(uri)
                    .satisfies(e -> assertThat(code(e)).isEqualTo("NotImplemented"));
        }
    }
}
