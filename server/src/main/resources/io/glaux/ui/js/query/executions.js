// Query executions as the editor shows them: their state, how long they ran, what they scanned, why they failed.
import { formatBytes, formatMillis, formatTime } from '../ui/dom.js';

export const ACTIVE_STATES = ['QUEUED', 'RUNNING'];

/** QUEUED or RUNNING: the query can still be cancelled and its status is still polled. */
export function isActive(state) {
  return ACTIVE_STATES.includes(state);
}

export function stateOf(execution) {
  return (execution && execution.Status && execution.Status.State) || 'UNKNOWN';
}

/**
 * What the status line shows: state, run time (TotalExecutionTimeInMillis), engine time, data scanned and, for a
 * FAILED query, Athena's reason and error classification.
 */
export function summary(execution) {
  const status = execution.Status || {};
  const statistics = execution.Statistics || {};
  const error = status.AthenaError;
  return {
    id: execution.QueryExecutionId,
    state: status.State,
    runTime: formatMillis(statistics.TotalExecutionTimeInMillis),
    engineTime: formatMillis(statistics.EngineExecutionTimeInMillis),
    dataScanned: formatBytes(statistics.DataScannedInBytes),
    reason: status.State === 'FAILED' || status.State === 'CANCELLED' ? status.StateChangeReason || '' : '',
    error: error ? `ErrorCategory ${error.ErrorCategory}, ErrorType ${error.ErrorType}`
      + (error.Retryable ? ' (retryable)' : '') : '',
    outputLocation: status.State === 'SUCCEEDED' && execution.ResultConfiguration
      ? execution.ResultConfiguration.OutputLocation || '' : '',
  };
}

/** A query's text on one line, cut to at most max characters with an ellipsis. */
export function shorten(sql, max = 80) {
  const line = String(sql || '').replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

function submitted(execution) {
  const value = execution.Status && execution.Status.SubmissionDateTime;
  if (value === undefined || value === null) return 0;
  return typeof value === 'number' ? value : Date.parse(value) / 1000;
}

/** Executions newest first (by SubmissionDateTime). */
export function newestFirst(executions) {
  return [...executions].sort((a, b) => submitted(b) - submitted(a));
}

/** A history table row: shortened query, state, submitted time, run time, data scanned. */
export function historyRow(execution) {
  const statistics = execution.Statistics || {};
  return {
    id: execution.QueryExecutionId,
    query: shorten(execution.Query),
    state: stateOf(execution),
    submitted: formatTime(execution.Status && execution.Status.SubmissionDateTime),
    runTime: formatMillis(statistics.TotalExecutionTimeInMillis),
    dataScanned: formatBytes(statistics.DataScannedInBytes),
  };
}
