package io.glaux.s3.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A servlet request with a method, raw URI, headers and body, for tests of request parsing without a server. */
final class FakeHttpRequest {

    private final String method;
    private final String uri;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private byte[] body = new byte[0];
    private boolean contentLength = true;

    private FakeHttpRequest(String method, String uri) {
        this.method = method;
        this.uri = uri;
    }

    static FakeHttpRequest of(String method, String uri) {
        return new FakeHttpRequest(method, uri);
    }

    FakeHttpRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    FakeHttpRequest body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    FakeHttpRequest withoutContentLength() {
        this.contentLength = false;
        return this;
    }

    S3Request s3() {
        return S3Request.of(build(), "TESTREQUESTID");
    }

    HttpServletRequest build() {
        int question = uri.indexOf('?');
        String path = question < 0 ? uri : uri.substring(0, question);
        String query = question < 0 ? null : uri.substring(question + 1);
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> path;
                    case "getQueryString" -> query;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getHeaders" -> Collections.enumeration(headers.containsKey((String) args[0])
                            ? List.of(headers.get((String) args[0])) : List.<String>of());
                    case "getHeaderNames" -> Collections.enumeration(new ArrayList<>(headers.keySet()));
                    case "getContentLengthLong" -> contentLength ? (long) body.length : -1L;
                    case "getInputStream" -> stream;
                    case "isSecure" -> false;
                    case "getRemoteAddr" -> "127.0.0.1";
                    case "toString" -> method + " " + uri;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
