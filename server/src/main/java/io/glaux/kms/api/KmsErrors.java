package io.glaux.kms.api;

import io.glaux.aws.protocol.ErrorStyle;
import io.glaux.aws.protocol.ServiceError;
import io.glaux.kms.KmsException;

/**
 * KMS's error shapes ({@code botocore/data/kms/2014-11-01/service-2.json}; none has an HTTP status of its own, so all
 * are 400 but KMSInternalException): the engine's {@link KmsException}s by their shape name, ValidationException for
 * a member outside the model's constraints, SerializationException for a body or member of the wrong JSON type.
 */
final class KmsErrors {

    /** How the protocol layer names KMS's errors. */
    static final ErrorStyle STYLE = new ErrorStyle() {
        @Override
        public ServiceError invalid(String message) {
            return validation(message);
        }

        @Override
        public ServiceError serialization(String message) {
            return new ServiceError(400, "SerializationException", message);
        }

        @Override
        public ServiceError internal(String message) {
            return new ServiceError(500, "KMSInternalException", message);
        }
    };

    /** Paging markers: a bad one is InvalidMarkerException. */
    static final ErrorStyle MARKERS = new ErrorStyle() {
        @Override
        public ServiceError invalid(String message) {
            return new ServiceError(400, "InvalidMarkerException", "Invalid marker: the Marker was not returned by"
                    + " an earlier call of this operation");
        }

        @Override
        public ServiceError serialization(String message) {
            return STYLE.serialization(message);
        }

        @Override
        public ServiceError internal(String message) {
            return STYLE.internal(message);
        }
    };

    private KmsErrors() {
    }

    static ServiceError validation(String message) {
        return new ServiceError(400, "ValidationException", message);
    }

    static ServiceError of(KmsException error) {
        return new ServiceError(400, error.code().shape(), error.getMessage());
    }

    static ServiceError unsupported(String message) {
        return new ServiceError(400, "UnsupportedOperationException", message);
    }

    static ServiceError customKeyStoreNotFound(String id) {
        return new ServiceError(400, "CustomKeyStoreNotFoundException",
                "Custom key store '" + id + "' does not exist: Glaux has no custom key stores");
    }

    static ServiceError dryRun() {
        return new ServiceError(400, "DryRunOperationException",
                "The request would have succeeded, but the DryRun option is set.");
    }
}
