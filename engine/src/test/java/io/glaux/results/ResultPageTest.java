package io.glaux.results;

import io.glaux.kms.Kms;
import io.glaux.storage.LocalFolderStore;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.S3Location;
import io.glaux.storage.crypto.ClientSideEncryption;
import io.glaux.storage.crypto.DataKeys;
import io.glaux.workgroup.EncryptionConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultPageTest {

    @TempDir
    Path root;

    private ResultObjects results(ObjectStore store) {
        return results(store, new Kms(root, Clock.systemUTC(), false));
    }

    private static ResultObjects results(ObjectStore store, Kms kms) {
        return new ResultObjects(store, new ClientSideEncryption(new DataKeys(kms, "000000000000", "us-east-1"),
                new SecureRandom()));
    }

    @Test
    void pagesResumeAtTheirOffsetAndSeeEveryRowOnce() throws Exception {
        pagesSeeEveryRowOnce(null);
    }

    @Test
    void pagesOfAClientSideEncryptedResultResumeMidObjectAndSeeEveryRowOnce() throws Exception {
        pagesSeeEveryRowOnce("CSE_KMS");
    }

    private void pagesSeeEveryRowOnce(String encryption) throws Exception {
        StringWriter csv = new StringWriter();
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String[] row = {"r" + i, i % 3 == 0 ? null : "é \"q\",\n" + i, i % 5 == 0 ? "" : null};
            AthenaCsv.writeRow(csv, row);
            expected.add(Arrays.asList(row));
        }
        try (LocalFolderStore store = new LocalFolderStore(root)) {
            store.createBucket("results");
            Kms kms = new Kms(root, Clock.systemUTC(), false);
            ResultObjects results = results(store, kms);
            S3Location object = new S3Location("results", "q.csv");
            String keyArn = null;
            if (encryption != null) {
                keyArn = kms.store("000000000000", "us-east-1").createKey("results", null, java.util.Map.of()).arn();
            }
            results.sink(encryption == null ? null : new EncryptionConfiguration(encryption, keyArn), null)
                    .put(object, csv.toString().getBytes(StandardCharsets.UTF_8));
            if (encryption != null) {
                assertThat(new String(store.getAll("results", "q.csv"), StandardCharsets.UTF_8)).doesNotContain("r1");
            }
            List<List<String>> seen = new ArrayList<>();
            long offset = 0;
            int pages = 0;
            while (offset >= 0) {
                ResultPage page = ResultPage.read(results, object, offset, 7, null);
                seen.addAll(page.rows());
                offset = page.nextOffset();
                pages++;
            }
            assertThat(seen).isEqualTo(expected);
            assertThat(pages).isEqualTo(4);
        }
    }

    @Test
    void anExactlyFullLastPageHasNoNextPage() throws Exception {
        try (LocalFolderStore store = new LocalFolderStore(root)) {
            store.createBucket("results");
            store.put("results", "d.txt", "a\nb\n".getBytes(StandardCharsets.UTF_8));
            ResultPage page = ResultPage.read(results(store), new S3Location("results", "d.txt"), 0, 2, null);
            assertThat(page.rows()).containsExactly(List.of("a"), List.of("b"));
            assertThat(page.nextOffset()).isEqualTo(-1);
        }
    }
}
