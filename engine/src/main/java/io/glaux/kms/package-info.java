/**
 * A local AWS KMS: symmetric keys, their key policies and tags, aliases, grants and scheduled deletion, and the
 * cryptography done with them, with no HTTP ({@code io.glaux.kms.api} serves it as KMS's AWS JSON API).
 *
 * <p>{@link io.glaux.kms.Kms} holds one {@link io.glaux.kms.KeyStore} per account and region
 * ({@code kms.store(accountId, region)}), kept in {@code <data>/.glaux/kms/<account>/<region>/}: {@code keys/<id>.json}
 * (metadata, policy, tags), {@code material/<id>.key} (32 bytes of AES key material from a {@code SecureRandom}),
 * {@code aliases.json} and {@code grants.json}, each written atomically ({@code io.glaux.persist}). Key material is
 * never logged and never answered.
 *
 * <p>Every symmetric key encrypts with AES-256-GCM, the encryption context being additional authenticated data. The
 * ciphertext blob ({@code CiphertextBlob}) carries a version, the key id, the IV and the tag, so decrypt
 * needs no key id, and a blob from another key store, with another context, or changed in any byte is refused with
 * InvalidCiphertextException.
 *
 * <h2>Envelope encryption for the rest of Glaux</h2>
 * S3's SSE-KMS and Athena's CSE_KMS encrypt their data with data keys and keep only the encrypted copy:
 *
 * <pre>{@code
 * KeyStore keys = kms.store(accountId, region);
 * // a key reference: key id, key ARN, alias/name or alias ARN; "alias/aws/s3" is created on first use,
 * // as is keys.awsManagedKey("s3")
 * DataKey dataKey = keys.generateDataKey("alias/aws/s3", Map.of("aws:s3:arn", objectArn), DataKeySpec.AES_256);
 * // encrypt the object with dataKey.plaintext(); store dataKey.ciphertextBlob() and dataKey.keyArn() with it
 * Decrypted back = keys.decrypt(storedBlob, Map.of("aws:s3:arn", objectArn));   // back.plaintext(), back.keyArn()
 * }</pre>
 *
 * A disabled key refuses with DisabledException, a key pending deletion with KMSInvalidStateException
 * ("{@code <arn> is pending deletion.}"), a missing key with NotFoundException, a wrong context or changed blob with
 * InvalidCiphertextException: all are {@link io.glaux.kms.KmsException}s whose {@code code().shape()} is KMS's error
 * shape name, so a caller can pass them on as they are (S3 answers KMS.NotFoundException, KMS.DisabledException...).
 *
 * <p>Key policies are kept as text, checked with the policy language's grammar for resource policies when given.
 * {@link io.glaux.kms.KeyPolicyLookup} hands a key's policy to the authorizer (mode KEY_POLICY) and
 * {@link io.glaux.kms.KmsAccess} authorizes a call on a key, grants included; services that use keys for a caller
 * go through it ({@code access.decrypt(caller, region, blob, context, "s3")}) so that {@code kms:ViaService} is set
 * and a refusal is KMS's AccessDeniedException.
 */
package io.glaux.kms;
