package io.glaux.athena.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** GetQueryResults' NextToken: the query it belongs to and the byte offset of the next row in the result object. */
record ResultToken(String queryExecutionId, long offset) {

    static ResultToken first(String queryExecutionId) {
        return new ResultToken(queryExecutionId, 0);
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((queryExecutionId + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static ResultToken parse(String token, String queryExecutionId) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = text.lastIndexOf(':');
            if (colon > 0 && text.substring(0, colon).equals(queryExecutionId)) {
                long offset = Long.parseLong(text.substring(colon + 1));
                if (offset >= 0) {
                    return new ResultToken(queryExecutionId, offset);
                }
            }
        } catch (IllegalArgumentException e) {
            // fall through: not one of ours
        }
        throw ApiError.invalidRequest("Invalid NextToken for query " + queryExecutionId);
    }
}
