package io.glaux.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glaux.iam.AccessDeniedException;
import io.glaux.iam.Decision;
import io.glaux.iam.Principal;
import io.glaux.kms.Kms;
import io.glaux.kms.KmsAccess;
import io.glaux.storage.LocalFolderStore;
import io.glaux.storage.ObjectMetadata;
import io.glaux.storage.ObjectUpload;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSideEncryptionTest {

    private static final String ACCOUNT = "000000000000";

    @TempDir
    Path data;
    private LocalFolderStore store;
    private Kms kms;
    private ClientSideEncryption cse;
    private String key;

    @BeforeEach
    void setUp() throws Exception {
        store = new LocalFolderStore(data);
        store.createBucket("results");
        kms = new Kms(data, Clock.systemUTC(), false);
        key = kms.store(ACCOUNT, "us-east-1").createKey("results", null, Map.of()).arn();
        cse = new ClientSideEncryption(new DataKeys(kms, ACCOUNT, "us-east-1"), new SecureRandom());
    }

    private byte[] text(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < length; i++) {
            text.append("row ").append(i).append('\n');
        }
        return text.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }

    private void write(String name, byte[] content) throws Exception {
        try (ObjectUpload upload = cse.startUpload(store, "results", name, ObjectMetadata.EMPTY, key, null)) {
            upload.write(content, 0, content.length / 2);
            upload.write(content, content.length / 2, content.length - content.length / 2);
            upload.commit();
        }
    }

    @Test
    void theBodyIsCiphertextPlusTagAndReadsBackFromTheStartAndFromAnyOffset() throws Exception {
        byte[] plain = text(1000);
        write("q.csv", plain);
        byte[] stored = store.getAll("results", "q.csv");
        assertThat(stored).hasSize(plain.length + 16);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("row 1");
        assertThat(ClientSideEncryption.isEnvelope(store.stat("results", "q.csv").orElseThrow().metadata())).isTrue();
        for (int offset : new int[] {0, 1, 15, 16, 17, 500, 999, 1000, 1200}) {
            try (InputStream in = cse.open(store, "results", "q.csv", offset, null)) {
                byte[] expected = offset >= plain.length ? new byte[0]
                        : java.util.Arrays.copyOfRange(plain, offset, plain.length);
                assertThat(in.readAllBytes()).as("from offset %d", offset).isEqualTo(expected);
            }
        }
    }

    @Test
    void anObjectWithoutAnEnvelopeIsReadAsStored() throws Exception {
        store.put("results", "plain.csv", "a,b\n".getBytes(StandardCharsets.UTF_8));
        try (InputStream in = cse.open(store, "results", "plain.csv", 2, null)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("b\n");
        }
    }

    @Test
    void aChangedByteFailsTheIntegrityCheckOfAReadFromTheStart() throws Exception {
        write("q.csv", text(300));
        Path file = data.resolve("results").resolve("q.csv");
        byte[] bytes = Files.readAllBytes(file);
        var modified = Files.getLastModifiedTime(file);
        bytes[100] ^= 1;
        Files.write(file, bytes);
        // Same size and time: the store still takes the file for the object it wrote (a tool's rewrite would not be).
        Files.setLastModifiedTime(file, modified);
        assertThatThrownBy(() -> {
            try (InputStream in = cse.open(store, "results", "q.csv", 0, null)) {
                in.readAllBytes();
            }
        }).isInstanceOf(ObjectIntegrityException.class).hasMessageContaining("authentication tag does not verify");
    }

    @Test
    void aReaderThatMayNotDecryptIsRefusedWithKmsSentence() throws Exception {
        write("q.csv", text(100));
        Principal alice = Principal.user(ACCOUNT, "/", "alice", "AIDAALICE");
        KmsAccess denyAll = new KmsAccess(kms, request -> new Decision(Decision.Outcome.IMPLICIT_DENY,
                "because no identity-based policy allows the " + request.action() + " action", "", ""));
        assertThatThrownBy(() -> cse.open(store, "results", "q.csv", 0,
                new KeyUser(alice, denyAll, "us-east-1", "athena")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("arn:aws:iam::000000000000:user/alice is not authorized to perform: kms:Decrypt");
    }
}
