package io.glaux.aws.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** One page of a List* operation: opaque NextTokens are the index of the next item; a bad one is invalid. */
public record ListPage<T>(List<T> items, Optional<String> nextToken) {

    public static <T> ListPage<T> of(List<T> all, String token, int maxResults, ErrorStyle errors) {
        int from = 0;
        if (token != null) {
            try {
                from = Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw errors.invalid("Invalid NextToken");
            }
            if (from < 0 || from > all.size()) {
                throw errors.invalid("Invalid NextToken");
            }
        }
        int to = Math.min(all.size(), from + maxResults);
        Optional<String> next = to < all.size()
                ? Optional.of(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8)))
                : Optional.empty();
        return new ListPage<>(List.copyOf(all.subList(from, to)), next);
    }
}
