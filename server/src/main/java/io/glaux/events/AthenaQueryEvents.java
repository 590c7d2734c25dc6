package io.glaux.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.exec.AthenaError;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.exec.QueryStateListener;

import java.util.List;
import java.util.function.Consumer;

/**
 * Turns each change of a query's state into Athena's "Athena Query State Change" event (source {@code aws.athena}):
 * {@code versionId}, {@code currentState}, {@code previousState} (absent for the submission), {@code statementType},
 * {@code queryExecutionId}, {@code workgroupName}, {@code sequenceNumber} (a string, as Athena writes it) and, for a
 * failed query, {@code athenaError} with its category, type, message and whether it may be retried.
 */
public final class AthenaQueryEvents implements QueryStateListener {

    public static final String SOURCE = "aws.athena";
    public static final String DETAIL_TYPE = "Athena Query State Change";

    private final String account;
    private final String region;
    private final Consumer<EventEnvelope> publish;

    public AthenaQueryEvents(String account, String region, Consumer<EventEnvelope> publish) {
        this.account = account;
        this.region = region;
        this.publish = publish;
    }

    @Override
    public void stateChanged(QueryState previous, QueryExecution current, int sequenceNumber) {
        ObjectNode detail = AwsJson.object();
        detail.put("versionId", "0");
        detail.put("currentState", current.state().name());
        if (previous != null) {
            detail.put("previousState", previous.name());
        }
        detail.put("statementType", current.statementType().name());
        detail.put("queryExecutionId", current.queryExecutionId());
        detail.put("workgroupName", current.workgroup());
        detail.put("sequenceNumber", Integer.toString(sequenceNumber));
        AthenaError error = current.status().athenaError();
        if (current.state() == QueryState.FAILED && error != null) {
            ObjectNode athenaError = detail.putObject("athenaError");
            athenaError.put("errorCategory", (double) error.errorCategory());
            athenaError.put("errorType", (double) error.errorType());
            athenaError.put("errorMessage", error.errorMessage());
            athenaError.put("retryable", error.retryable());
        }
        publish.accept(EventEnvelope.now(DETAIL_TYPE, SOURCE, account, region, List.of(), detail));
    }
}
