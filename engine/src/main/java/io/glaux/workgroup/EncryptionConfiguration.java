package io.glaux.workgroup;

/** Athena's EncryptionConfiguration: SSE_S3, SSE_KMS or CSE_KMS, with a KMS key for the KMS options. */
public record EncryptionConfiguration(String encryptionOption, String kmsKey) {
}
