package io.glaux.iam.api;

import io.glaux.aws.protocol.QueryInput;
import io.glaux.aws.protocol.ServiceError;
import io.glaux.aws.protocol.XmlAnswer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * IAM's paging of List* operations: {@code MaxItems} (1 to 1000, 100 by default) and an opaque {@code Marker}
 * (the index of the next item), answered as {@code IsTruncated} and {@code Marker}.
 */
final class IamPage {

    private static final int DEFAULT_MAX_ITEMS = 100;

    private IamPage() {
    }

    /** Writes the page of {@code all} the request asks for as the list {@code name}, with IsTruncated and Marker. */
    static <T> XmlAnswer write(QueryInput in, List<T> all, String name, BiConsumer<XmlAnswer, T> writer) {
        int[] range = range(in, all.size());
        return truncation(new XmlAnswer().list(name, all.subList(range[0], range[1]), writer), range[1], all.size());
    }

    /** As {@link #write} for a list of strings ({@code PolicyNames}). */
    static XmlAnswer strings(QueryInput in, List<String> all, String name) {
        int[] range = range(in, all.size());
        return truncation(new XmlAnswer().strings(name, all.subList(range[0], range[1])), range[1], all.size());
    }

    private static int[] range(QueryInput in, int size) {
        String marker = in.string("Marker", 1, 320, null);
        Integer maxItems = in.integer("MaxItems", 1, 1000);
        int from = marker == null ? 0 : decode(marker, size);
        return new int[] {from, Math.min(size, from + (maxItems == null ? DEFAULT_MAX_ITEMS : maxItems))};
    }

    private static XmlAnswer truncation(XmlAnswer answer, int to, int size) {
        answer.add("IsTruncated", to < size);
        if (to < size) {
            answer.add("Marker", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8)));
        }
        return answer;
    }

    private static int decode(String marker, int size) {
        try {
            int index = Integer.parseInt(new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8));
            if (index >= 0 && index <= size) {
                return index;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new ServiceError(400, "InvalidInput", "Invalid Marker: " + marker);
    }
}
