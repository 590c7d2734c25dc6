package io.glaux.s3.api;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagSetsTest {

    @Test
    void theTaggingHeaderIsAUrlEncodedQuery() {
        assertThat(TagSets.fromHeader("team=data%20eng&tier=gold&empty="))
                .containsEntry("team", "data eng").containsEntry("tier", "gold").containsEntry("empty", "");
        assertThat(TagSets.fromHeader(null)).isEmpty();
    }

    @Test
    void s3sTagRulesAreInvalidTag() {
        assertThatThrownBy(() -> TagSets.fromHeader("a=1&a=2"))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo("InvalidTag"));
        assertThatThrownBy(() -> TagSets.fromHeader("aws:x=1")).isInstanceOf(S3Exception.class);
        assertThatThrownBy(() -> TagSets.fromHeader("k=" + "v".repeat(257))).isInstanceOf(S3Exception.class);
        StringBuilder eleven = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.append("k").append(i).append("=v&");
        }
        assertThatThrownBy(() -> TagSets.fromHeader(eleven.toString())).isInstanceOf(S3Exception.class);
    }

    @Test
    void taggingDocumentsRoundTrip() {
        var tags = TagSets.fromXml(("<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>")
                .getBytes(StandardCharsets.UTF_8), TagSets.BUCKET_LIMIT, "too many");
        assertThat(tags).containsExactly(java.util.Map.entry("k", "v"));
        assertThat(new String(TagSets.toXml(tags).bytes(), StandardCharsets.UTF_8))
                .contains("<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet><Tag><Key>k</Key>"
                        + "<Value>v</Value></Tag></TagSet></Tagging>");
    }
}
