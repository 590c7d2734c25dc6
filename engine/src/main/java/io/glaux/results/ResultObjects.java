package io.glaux.results;

import io.glaux.iam.Principal;
import io.glaux.storage.ObjectMetadata;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.ObjectUpload;
import io.glaux.storage.S3Location;
import io.glaux.storage.crypto.ClientSideEncryption;
import io.glaux.storage.crypto.KeyUser;
import io.glaux.storage.crypto.KeyUsers;
import io.glaux.storage.crypto.ObjectEncryption;
import io.glaux.workgroup.EncryptionConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * A query's result objects ({@code <id>.csv}, its {@code .metadata}, {@code <id>.txt}, the manifest) as Athena writes
 * and reads them for the query's caller, encrypted as the query's {@link EncryptionConfiguration} says:
 * {@code SSE_S3} and {@code SSE_KMS} are S3's server-side encryption (the store encrypts at rest, KMS is used through
 * S3: {@code kms:ViaService} {@code s3.<region>.amazonaws.com}); {@code CSE_KMS} is the S3 Encryption Client's
 * envelope, encrypted before the store sees the bytes (KMS used through Athena). The caller's use of KMS keys is asked of the
 * {@link KeyUsers} the server installs ({@link #keyUsers(KeyUsers)}), so with IAM enforced a caller that may not use
 * the key can neither write nor read the results.
 */
public final class ResultObjects {

    private static final String VIA_S3 = "s3";
    private static final String VIA_ATHENA = "athena";

    private final ObjectStore store;
    private final ClientSideEncryption clientSide;
    private volatile KeyUsers keyUsers = KeyUsers.GLAUX;

    /** @param clientSide CSE_KMS's envelopes (null: a store without KMS; CSE_KMS results are refused) */
    public ResultObjects(ObjectStore store, ClientSideEncryption clientSide) {
        this.store = store;
        this.clientSide = clientSide;
    }

    /** How callers use KMS keys from now on ({@link KeyUsers#GLAUX}: Glaux uses them itself). */
    public void keyUsers(KeyUsers users) {
        this.keyUsers = users == null ? KeyUsers.GLAUX : users;
    }

    /** Where one query's result objects go: encrypted by {@code encryption} (null: none), written as {@code caller}. */
    public Sink sink(EncryptionConfiguration encryption, Principal caller) {
        return new Sink(encryption, caller);
    }

    /**
     * The plaintext of a result object from {@code offset}, read as {@code caller} (null: Glaux itself): S3 decrypts
     * server-side encryption with the caller's use of the key, and a client-side envelope is opened with it.
     */
    public InputStream open(S3Location object, long offset, Principal caller) throws IOException {
        KeyUsers users = keyUsers;
        ObjectStore reader = storeAs(users.of(caller, VIA_S3));
        if (clientSide == null) {
            return reader.get(object.bucket(), object.key(), offset, -1);
        }
        return clientSide.open(reader, object.bucket(), object.key(), offset, users.of(caller, VIA_ATHENA));
    }

    /** The name of the store the objects are kept in (for messages). */
    public String storeName() {
        return store.name();
    }

    private ClientSideEncryption clientSide() {
        if (clientSide == null) {
            throw new IllegalStateException("CSE_KMS needs a KMS, and this store has none");
        }
        return clientSide;
    }

    private ObjectStore storeAs(KeyUser user) {
        return user == null ? store : store.usingKeysAs(user);
    }

    /** The objects of one query, all written with the same encryption by the same caller. */
    public final class Sink {

        private final EncryptionConfiguration encryption;
        private final Principal caller;

        private Sink(EncryptionConfiguration encryption, Principal caller) {
            this.encryption = encryption;
            this.caller = caller;
        }

        /** The encryption the objects get (null: none). */
        public EncryptionConfiguration encryption() {
            return encryption;
        }

        /** Starts writing {@code object}; nothing is visible before the upload is committed. */
        public ObjectUpload create(S3Location object) throws IOException {
            KeyUsers users = keyUsers;
            if (encryption == null) {
                return store.startUpload(object.bucket(), object.key(), ObjectMetadata.EMPTY);
            }
            return switch (encryption.encryptionOption()) {
                case "SSE_S3" -> storeAs(users.of(caller, VIA_S3)).startUpload(object.bucket(), object.key(),
                        ObjectMetadata.EMPTY.withEncryption(ObjectEncryption.sseS3()));
                case "SSE_KMS" -> storeAs(users.of(caller, VIA_S3)).startUpload(object.bucket(), object.key(),
                        ObjectMetadata.EMPTY.withEncryption(ObjectEncryption.sseKms(encryption.kmsKey(), Map.of())));
                case "CSE_KMS" -> clientSide().startUpload(store, object.bucket(), object.key(), ObjectMetadata.EMPTY,
                        encryption.kmsKey(), users.of(caller, VIA_ATHENA));
                default -> throw new IllegalArgumentException("EncryptionOption must be SSE_S3, SSE_KMS or CSE_KMS,"
                        + " not " + encryption.encryptionOption());
            };
        }

        /** Writes a whole (small) object at once. */
        public void put(S3Location object, byte[] content) throws IOException {
            try (ObjectUpload upload = create(object)) {
                upload.write(content);
                upload.commit();
            }
        }

        /** Removes an object written by this sink (a half-published result). */
        public void delete(S3Location object) throws IOException {
            store.delete(object.bucket(), object.key());
        }
    }
}
