package io.glaux.kms;

/**
 * A refusal of the key service, carrying the name of the KMS error shape it is (as in the service model
 * {@code kms/2014-11-01}) so that the API answers it with that shape and this message, and any other caller of the
 * engine can tell a missing key from a disabled one.
 */
public final class KmsException extends RuntimeException {

    /** The KMS error shapes the engine raises. */
    public enum Code {
        NOT_FOUND("NotFoundException"),
        DISABLED("DisabledException"),
        INVALID_STATE("KMSInvalidStateException"),
        INVALID_CIPHERTEXT("InvalidCiphertextException"),
        INCORRECT_KEY("IncorrectKeyException"),
        ALREADY_EXISTS("AlreadyExistsException"),
        INVALID_ALIAS_NAME("InvalidAliasNameException"),
        INVALID_GRANT_TOKEN("InvalidGrantTokenException"),
        INVALID_GRANT_ID("InvalidGrantIdException"),
        MALFORMED_POLICY("MalformedPolicyDocumentException"),
        INVALID_KEY_USAGE("InvalidKeyUsageException"),
        UNSUPPORTED_OPERATION("UnsupportedOperationException"),
        TAG("TagException"),
        VALIDATION("ValidationException");

        private final String shape;

        Code(String shape) {
            this.shape = shape;
        }

        /** The error shape's name, e.g. {@code NotFoundException}. */
        public String shape() {
            return shape;
        }
    }

    private final Code code;

    public KmsException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
