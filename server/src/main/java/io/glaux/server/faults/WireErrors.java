package io.glaux.server.faults;

import io.glaux.aws.protocol.ServiceError;
import io.glaux.s3.api.S3Exception;
import io.glaux.server.faults.FaultRule.FaultError;
import io.glaux.server.faults.FaultRule.Service;

import java.util.Map;

/**
 * The errors a rule may answer with, as AWS answers them. Athena (AWS JSON 1.1): the status, {@code __type} and
 * {@code x-amzn-ErrorType}, {@code Message} and the shape's other members ({@code AwsJsonProtocol} writes them). S3: the
 * status and the XML {@code <Error>} document with {@code Code}, {@code Message}, {@code Resource} and
 * {@code RequestId} ({@code S3Endpoint} writes it, with {@code x-amz-request-id}).
 *
 * <ul>
 *   <li>{@code TooManyRequestsException}: Athena's model ({@code botocore/data/athena/2017-05-18/service-2.json}):
 *       members {@code Message} and {@code Reason} (enum ThrottleReason: {@code CONCURRENT_QUERY_LIMIT_EXCEEDED}),
 *       no {@code httpStatusCode} trait, so 400; the message Athena's Service Quotas page quotes for the active-query
 *       limit.</li>
 *   <li>{@code ThrottlingException}: what Athena's Service Quotas page says the API answers when a per-account call
 *       rate is exceeded ("Rate exceeded"); not in the model, 400 as AWS JSON throttling errors are.</li>
 *   <li>{@code InternalServerException}: Athena's model, a fault (500); Athena's message for it is not documented,
 *       the default is Glaux's.</li>
 *   <li>{@code SlowDown} (503) and {@code InternalError} (500): S3's error code list and the messages S3 sends.</li>
 * </ul>
 */
final class WireErrors {

    /** Athena's message for StartQueryExecution beyond the active-query quota (Athena's Service Quotas page). */
    static final String CONCURRENT_QUERY_LIMIT_MESSAGE = "You have exceeded the limit for the number of queries you"
            + " can run concurrently. Reduce the number of concurrent queries submitted by this account. Contact"
            + " customer support to request a concurrent query limit increase.";
    static final String CONCURRENT_QUERY_LIMIT_EXCEEDED = "CONCURRENT_QUERY_LIMIT_EXCEEDED";

    private record Known(int status, String message) {
    }

    private static final Map<String, Known> ATHENA = Map.of(
            "TooManyRequestsException", new Known(400, CONCURRENT_QUERY_LIMIT_MESSAGE),
            "ThrottlingException", new Known(400, "Rate exceeded"),
            "InternalServerException", new Known(500, "Internal server error"));
    private static final Map<String, Known> S3 = Map.of(
            "SlowDown", new Known(503, "Please reduce your request rate."),
            "InternalError", new Known(500, "We encountered an internal error. Please try again."));

    private WireErrors() {
    }

    /** Refuses codes the service does not answer with, and a Reason anywhere but on TooManyRequestsException. */
    static void check(Service service, FaultError error) {
        Map<String, Known> known = service == Service.ATHENA ? ATHENA : S3;
        if (!known.containsKey(error.code())) {
            throw new IllegalArgumentException("error.code: " + service.jsonName() + " faults are one of "
                    + known.keySet().stream().sorted().toList() + ", not '" + error.code() + "'");
        }
        if (error.reason() != null && !error.reason().isEmpty()) {
            if (!error.code().equals("TooManyRequestsException")) {
                throw new IllegalArgumentException("error.reason: only TooManyRequestsException has a Reason");
            }
            if (!error.reason().equals(CONCURRENT_QUERY_LIMIT_EXCEEDED)) {
                throw new IllegalArgumentException("error.reason: Athena's ThrottleReason is "
                        + CONCURRENT_QUERY_LIMIT_EXCEEDED + ", not '" + error.reason() + "'");
            }
        }
    }

    /** The default error of an active-query limit. */
    static FaultError concurrentQueryLimit() {
        return new FaultError("TooManyRequestsException", null, null);
    }

    static ServiceError athena(FaultError error) {
        Known known = ATHENA.get(error.code());
        ServiceError answer = new ServiceError(known.status(), error.code(),
                error.message() != null ? error.message() : known.message());
        if (error.code().equals("TooManyRequestsException")) {
            String reason = error.reason() == null ? CONCURRENT_QUERY_LIMIT_EXCEEDED : error.reason();
            answer.with("Reason", reason.isEmpty() ? null : reason);
        }
        return answer;
    }

    static S3Exception s3(FaultError error) {
        Known known = S3.get(error.code());
        return new S3Exception(known.status(), error.code(),
                error.message() != null ? error.message() : known.message());
    }
}
